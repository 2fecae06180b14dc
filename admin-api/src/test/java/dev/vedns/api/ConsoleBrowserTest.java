package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.engine.Actor;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.engine.Scope;
import dev.vedns.health.HealthFollower;
import dev.vedns.routing.ReaderReroute;
import dev.vedns.routing.RoutingCommand;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The web console in a real browser (Debian's Chromium, driven by its chromedriver; nothing is downloaded),
 * against a running vedns, checked through DNS. Screenshots of each page go to target/screenshots/.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String WRITER = "mydb.writer.postgres.internal.";
    private static final String READER = "mydb.reader.postgres.internal.";

    @Inject
    VednsUnderTest vedns;

    @Inject
    EmbeddedServer server;

    @Inject
    RoutingEngine engine;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("vedns-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** A fresh tab of the console, signed in with {@code token} through its form. */
    private void openSignedIn(String token) {
        browser.get(server.getURL() + "/");
        browser.executeScript("sessionStorage.clear()");
        browser.get(server.getURL() + "/");
        signIn(token);
    }

    private void signIn(String token) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.sign-in input")));
        assertEquals("password", input.getAttribute("type"));
        input.clear();
        input.sendKeys(token);
        click(By.xpath("//button[.='Sign in']"));
    }

    @Test
    void theReplicationFlowFromRegistrationToSwitchover() throws Exception {
        openSignedIn(vedns.adminToken());
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Servers"));
        assertEquals("Signed in as admin (admin) Sign out", text("#session"));
        recordNotifications();

        register("pg-main", null, "10.0.0.5");
        register("pg-replica-1", "pg-main", "10.0.0.6");
        register("pg-replica-2", "pg-main", "10.0.0.7, fd00::7");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sets"), "pg-replica-2"));
        everyControlIsLabelled();
        screenshot("servers");

        click(By.cssSelector("a[aria-label='Replication of pg-main']"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "pg-main: Replication"));
        assertTrue(text("main").contains("This replication set has no virtual endpoints."));

        // The dialog opens from the keyboard and closes with Escape.
        WebElement create = browser.findElement(By.xpath("//button[.='Create virtual endpoints']"));
        create.sendKeys(Keys.ENTER);
        WebElement baseName = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog input")));
        baseName.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.tagName("dialog"), 0));

        create.click();
        baseName = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog input")));
        baseName.sendKeys("Bad_Name");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dialog .error"), "Bad_Name"));
        assertEquals("true", baseName.getAttribute("aria-invalid"));
        assertFalse(dialogButton("Create").isEnabled());
        screenshot("create-invalid-name");

        baseName.clear();
        baseName.sendKeys("mydb");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dialog .fqdns"),
                "Writer endpoint: mydb.writer.postgres.internal"));
        assertTrue(text("dialog .fqdns").contains("Reader endpoint: mydb.reader.postgres.internal"));
        assertEquals("pg-main", labelled("Target of writer endpoint").getAttribute("value"));
        assertEquals("true", labelled("Target of writer endpoint").getAttribute("readonly"));
        Select reader = new Select(labelled("Target of reader endpoint"));
        assertEquals("pg-replica-1", reader.getFirstSelectedOption().getAttribute("value"));
        assertEquals(List.of("pg-replica-1", "pg-replica-2", "pg-main (primary)"),
                reader.getOptions().stream().map(WebElement::getText).toList());
        screenshot("create-virtual-endpoints");
        dialogButton("Create").click();
        awaitNotification("Created virtual endpoints mydb.writer.postgres.internal and mydb.reader.postgres.internal");
        assertNotifiedInOrder("Creating virtual endpoints…",
                "Created virtual endpoints mydb.writer.postgres.internal and mydb.reader.postgres.internal");
        assertTrue(cname(WRITER).endsWith("pg-main.postgres.internal."));
        assertTrue(cname(READER).endsWith("pg-replica-1.postgres.internal."));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[.='Change reader target']")));
        onlyReaderTarget("pg-main");
        click(By.xpath("//button[.='Change reader target']"));
        awaitNotification("mydb.reader.postgres.internal now points to pg-main");
        assertTrue(cname(READER).endsWith("pg-main.postgres.internal."));
        assertTrue(cname(WRITER).endsWith("pg-main.postgres.internal."));

        // With the reader on the primary a switchover is refused; the dialog says so before anything is sent.
        click(By.cssSelector("button[aria-label='Promote pg-replica-1']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dialog .explanation"),
                "retarget the reader to 'pg-replica-1' first"));
        assertFalse(dialogButton("Promote").isEnabled());
        dialogButton("Cancel").click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.tagName("dialog"), 0));

        onlyReaderTarget("pg-replica-1");
        click(By.xpath("//button[.='Change reader target']"));
        awaitNotification("mydb.reader.postgres.internal now points to pg-replica-1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main table"), "pg-replica-1"));

        click(By.cssSelector("button[aria-label='Promote pg-replica-1']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dialog .explanation"),
                "mydb.writer.postgres.internal will point to pg-replica-1; mydb.reader.postgres.internal will point to pg-main."));
        assertTrue(text("dialog .explanation").contains("pg-replica-1 becomes the primary of this replication set"));
        screenshot("promote");
        dialogButton("Promote").click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "pg-replica-1: Replication"));
        awaitNotification("Promoted pg-replica-1 (Switchover, Planned)");
        assertTrue(cname(WRITER).endsWith("pg-replica-1.postgres.internal."));
        assertTrue(cname(READER).endsWith("pg-main.postgres.internal."));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".events"), "ReplicaPromoted"));
        String events = text(".events");
        for (String kind : List.of("ReplicaPromoted", "ReaderRetargeted", "VirtualEndpointCreated", "ServerCreated")) {
            assertTrue(events.contains(kind), kind + " missing from the recent events:\n" + events);
        }
        assertTrue(events.contains("mydb.writer.postgres.internal: pg-main → pg-replica-1"), events);
        everyControlIsLabelled();
        browser.findElements(By.cssSelector(".notification .close")).forEach(WebElement::click);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".notification"), 0));
        screenshot("replication");

        browser.manage().window().setSize(new Dimension(420, 860));
        Thread.sleep(200);
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "the page scrolls sideways on a narrow window: " + overflow);
        screenshot("replication-narrow");
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @Test
    void aViewerSeesWhatItMayNotDoAndAWrongTokenIsRefused() throws Exception {
        String viewer = (String) Api.expect(201, vedns.api().exchange(io.micronaut.http.HttpRequest.POST("/api/v1/tokens",
                "{\"name\":\"console-viewer\",\"role\":\"viewer\"}")
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE))).json().get("secret");
        openSignedIn("not-a-token");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "not known to vedns"));
        assertEquals("Sign in", text("h1"));
        screenshot("sign-in-refused");

        signIn(viewer);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Servers"));
        assertEquals("Signed in as console-viewer (viewer) Sign out", text("#session"));
        WebElement registerButton = browser.findElement(By.xpath("//button[.='Register']"));
        assertFalse(registerButton.isEnabled());
        assertEquals("Needs the admin role; you are signed in as console-viewer (viewer).",
                registerButton.getAttribute("title"));
        screenshot("servers-as-viewer");

        click(By.xpath("//button[.='Sign out']"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in"));
        assertEquals(401, vedns.api().as(null).get("/api/v1/servers").status());
    }

    @Test
    void swaggerUiShowsTheApiFromTheJar() throws Exception {
        browser.get(server.getURL() + "/swagger-ui");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info .title"),
                "vedns admin API"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui"), "/api/v1/tokens"));
        screenshot("swagger-ui");
    }

    @Test
    void deletionsAskFirstAndTakeEffectInDns() throws Exception {
        openSignedIn(vedns.adminToken());
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Servers"));
        register("pg-gone", null, "10.0.9.5");
        register("pg-gone-replica", "pg-gone", "10.0.9.6");
        click(By.cssSelector("a[aria-label='Replication of pg-gone']"));
        click(By.xpath("//button[.='Create virtual endpoints']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog input"))).sendKeys("gonedb");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//dialog//button[.='Create']"))).click();
        awaitNotification("Created virtual endpoints gonedb.writer.postgres.internal");
        assertEquals(1, vedns.dns().answer("gonedb.writer.postgres.internal.", Type.CNAME).size());

        // Cancelling the confirmation keeps the pair; confirming removes it from DNS.
        click(By.xpath("//button[.='Delete virtual endpoints']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("dialog"), "stop resolving at once"));
        dialogButton("Cancel").click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.tagName("dialog"), 0));
        assertEquals(1, vedns.dns().answer("gonedb.writer.postgres.internal.", Type.CNAME).size());
        click(By.xpath("//button[.='Delete virtual endpoints']"));
        dialogButton("Delete").click();
        awaitNotification("Deleted virtual endpoints gonedb");
        assertEquals(Rcode.NXDOMAIN, vedns.dns().udp("gonedb.writer.postgres.internal.", Type.CNAME).getRcode());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[.='Create virtual endpoints']")));

        click(By.cssSelector("a.brand"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Servers"));
        click(By.cssSelector("button[aria-label='Delete pg-gone-replica']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("dialog"), "removed from DNS at once"));
        dialogButton("Delete").click();
        awaitNotification("Deleted server pg-gone-replica");
        assertEquals(Rcode.NXDOMAIN, vedns.dns().udp("pg-gone-replica.postgres.internal.", Type.A).getRcode());
        wait.until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sets"), "pg-gone-replica")));
    }

    @Test
    void everyServerShowsItsHealthAndThePairWhereItsReaderAnswersAndWhy() throws Exception {
        Api api = vedns.api();
        api.replicationSet("pg-seen", "10.0.8.5", "pg-seen-replica", List.of("10.0.8.6"), "seendb");
        // What the probes would decide, made as they make it: through the single writer, as actor health.
        Actor health = new Actor(HealthFollower.ACTOR_NAME, Scope.ALL);
        engine.apply(new RoutingCommand.RerouteReader("seendb",
                new ReaderReroute("pg-seen", "'pg-seen-replica' is Unhealthy: connection refused")), health);
        engine.apply(new RoutingCommand.MarkRoleMismatch("seendb", "'pg-seen-replica' is a replica of 'pg-seen' but"
                + " accepts writes"), health);

        openSignedIn(vedns.adminToken());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sets"), "pg-seen-replica"));
        assertTrue(text(".sets").contains("Not probed"), "with probes off every server says so");
        click(By.cssSelector("a[aria-label='Replication of pg-seen']"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "pg-seen: Replication"));
        String pair = text("section[aria-labelledby=endpoints-title] table");
        assertTrue(pair.contains("Rerouted") && pair.contains("chosen: pg-seen-replica. 'pg-seen-replica' is Unhealthy"),
                pair);
        assertTrue(text("[role=alert]").contains("Role mismatch: 'pg-seen-replica' is a replica of 'pg-seen'"));

        onlyReaderTarget("pg-seen-replica", "pg-seen");
        click(By.xpath("//button[.='Change reader target']"));
        awaitNotification("seendb.reader.postgres.internal now points to pg-seen-replica, pg-seen");
        assertEquals(List.of("pg-seen-replica", "pg-seen"), expect(200,
                api.get("/api/v1/servers/pg-seen/virtual-endpoints/seendb")).json().get("members"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[aria-labelledby=endpoints-title] table"), "Pool, in turn"));

        WebElement follows = labelled("Writer follows the observed primary");
        assertFalse(follows.isSelected());
        follows.click();
        click(By.xpath("//button[.='Save']"));
        awaitNotification("seendb.writer.postgres.internal now follows the observed primary");
        assertEquals(true, expect(200, api.get("/api/v1/servers/pg-seen/virtual-endpoints/seendb")).json()
                .get("writerFollowsObservedPrimary"));

        // A custom endpoint of every replica but none left out: later replicas join by themselves.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[.='Create custom endpoint']")));
        labelled("Custom endpoint name").sendKeys("seen-reports");
        new Select(labelled("Membership")).selectByValue("excludedMembers");
        click(By.xpath("//button[.='Create custom endpoint']"));
        awaitNotification("Created seen-reports.custom.postgres.internal, answering pg-seen-replica");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[aria-labelledby=customs-title] table"), "seen-reports.custom.postgres.internal"));
        assertEquals(1, vedns.dns().answer("seen-reports.custom.postgres.internal.", Type.CNAME).size());
        everyControlIsLabelled();
        screenshot("health");
    }

    /**
     * With the benchmark's fleet of 100,000 pairs (200,000 servers) the Servers page shows its first page of sets,
     * finds a set by name and pages on, without ever loading the fleet whole. The time from opening the page to
     * its first page drawn is written to target/console-at-scale.txt; no timing assertion.
     */
    @Test
    void theServersPageStaysQuickAtOneHundredThousandPairs() throws Exception {
        Path data = Files.createTempDirectory("vedns-fleet-");
        Process generator = new ProcessBuilder("python3", Path.of("..", "bench", "dataset.py").toString(), "--pairs",
                "100000", "--zone", "postgres.internal.", "--queries", "1", data.toString()).redirectErrorStream(true)
                .start();
        assertTrue(generator.waitFor(120, TimeUnit.SECONDS) && generator.exitValue() == 0,
                new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        String before = expect(200, vedns.api().get("/api/v1/state")).body();
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<Void> imported = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/state"))
                    .header("Authorization", "Bearer " + vedns.adminToken()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofFile(data.resolve("dataset.json"))).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, imported.statusCode());

            openSignedIn(vedns.adminToken());
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Servers"));
            long started = System.nanoTime();
            browser.navigate().refresh();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".sets article"), 20));
            long firstPage = (System.nanoTime() - started) / 1_000_000;
            assertTrue(text(".sets").contains("srv-00000"), text(".sets"));

            WebElement search = labelled("Find a set by the name of its primary");
            search.sendKeys("srv-19999");
            click(By.xpath("//button[.='Find']"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sets"), "srv-199998"));
            search = labelled("Find a set by the name of its primary");
            search.clear();
            click(By.xpath("//button[.='Find']"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sets"), "srv-00000"));
            click(By.xpath("//button[.='Next page']"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pager"), "Page 2"));
            assertTrue(text(".sets").contains("srv-00040"), text(".sets"));
            screenshot("servers-at-scale");
            String report = "Servers page with 100,000 pairs: first page drawn " + firstPage + " ms after opening it\n";
            Files.writeString(Path.of("target", "console-at-scale.txt"), report);
            System.out.print(report);
        } finally {
            HttpResponse<String> restored = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/state"))
                    .header("Authorization", "Bearer " + vedns.adminToken()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(before)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, restored.statusCode(), restored.body());
            VednsProcess.deleteTree(data);
        }
    }

    /** Chooses one server in the multi-select of reader targets, and no other. */
    private void onlyReaderTarget(String... servers) {
        Select select = new Select(labelled("Reader target"));
        select.deselectAll();
        for (String server : servers) {
            select.selectByValue(server);
        }
    }

    private void register(String name, String primary, String addresses) {
        WebElement form = browser.findElement(By.cssSelector("form.register"));
        WebElement nameInput = labelledIn(form, "Name");
        nameInput.clear();
        nameInput.sendKeys(name);
        Select role = new Select(labelledIn(form, "Role"));
        if (primary == null) {
            role.selectByValue("Primary");
        } else {
            role.selectByValue("AsyncReplica");
            WebElement source = labelledIn(form, "Replica of");
            source.clear();
            source.sendKeys(primary);
        }
        WebElement addressInput = labelledIn(form, "Addresses");
        addressInput.clear();
        addressInput.sendKeys(addresses);
        form.findElement(By.xpath(".//button[.='Register']")).click();
        awaitNotification("Registered server " + name);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sets"), name));
    }

    private String cname(String name) throws IOException {
        List<String> answer = vedns.dns().answer(name, Type.CNAME);
        assertEquals(1, answer.size(), name + ": " + answer);
        return answer.get(0);
    }

    /** Clicks as a user would after scrolling the control to the middle, clear of the notification stack. */
    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private WebElement dialogButton(String label) {
        return browser.findElement(By.xpath("//dialog//button[.='" + label + "']"));
    }

    /** The control a visible label names, found as a user finds it: by the label's text. */
    private WebElement labelled(String label) {
        WebElement element = browser.findElement(By.xpath("//label[.='" + label + "']"));
        return browser.findElement(By.id(element.getAttribute("for")));
    }

    private WebElement labelledIn(WebElement scope, String label) {
        WebElement element = scope.findElement(By.xpath(".//label[.='" + label + "']"));
        return scope.findElement(By.id(element.getAttribute("for")));
    }

    private void everyControlIsLabelled() {
        Object unlabelled = ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('input, select, button')]"
                        + ".filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.textContent.trim())"
                        + ".map(c => c.outerHTML);");
        assertEquals(List.of(), unlabelled);
    }

    /** Keeps every text a notification ever shows, so a quick "…" before the outcome is not missed. */
    private void recordNotifications() {
        ((JavascriptExecutor) browser).executeScript(
                "window.notes = [];"
                        + "new MutationObserver(() => document.querySelectorAll('.notification .message').forEach(m => {"
                        + "  if (window.notes[window.notes.length - 1] !== m.textContent) { window.notes.push(m.textContent); }"
                        + "})).observe(document.getElementById('notifications'),"
                        + " {subtree: true, childList: true, characterData: true});");
    }

    private void awaitNotification(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications"), text));
    }

    @SuppressWarnings("unchecked")
    private void assertNotifiedInOrder(String first, String then) {
        List<String> notes = (List<String>) ((JavascriptExecutor) browser).executeScript("return window.notes;");
        int pending = notes.indexOf(first);
        int done = notes.lastIndexOf(then);
        assertTrue(pending >= 0 && done > pending, "notifications seen: " + notes);
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
