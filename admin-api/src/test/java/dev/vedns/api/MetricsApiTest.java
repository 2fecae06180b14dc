package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** {@code GET /metrics}: Prometheus text for a viewer token, whose counters move by exactly what happened. */
@MicronautTest(rebuildContext = true)
class MetricsApiTest {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*})?) "
                    + "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|[+-]Inf)");
    private static final Pattern COMMENT = Pattern.compile(
            "# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))");

    @Inject
    VednsUnderTest vedns;

    /** Every line of the exposition, checked against the text format; the samples by name and labels. */
    private Map<String, Double> scrape(Api api) {
        Api.Reply reply = expect(200, api.get("/metrics"));
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        Map<String, Double> samples = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            if (line.startsWith("#")) {
                assertTrue(COMMENT.matcher(line).matches(), "not Prometheus text: " + line);
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not Prometheus text: " + line);
            samples.put(sample.group(1), Double.parseDouble(sample.group(2).replace("Inf", "Infinity")));
        }
        return samples;
    }

    @Test
    void aViewerScrapesAndTheCountersMoveByExactlyWhatHappened() throws Exception {
        Api admin = vedns.api();
        admin.standardFleet();
        String secret = (String) expect(201, admin.post("/api/v1/tokens", "{\"name\":\"prometheus\",\"role\":\"viewer\"}"))
                .json().get("secret");
        Api viewer = admin.as(secret);
        assertEquals(401, admin.as(null).get("/metrics").status());

        Map<String, Double> before = scrape(viewer);
        for (int i = 0; i < 7; i++) {
            assertEquals(Rcode.NOERROR, vedns.dns().udp("mydb.writer.postgres.internal.", Type.A).getRcode());
        }
        for (int i = 0; i < 3; i++) {
            Message missing = vedns.dns().tcp("nothing-" + i + ".postgres.internal.", Type.AAAA);
            assertEquals(Rcode.NXDOMAIN, missing.getRcode());
        }
        expect(201, admin.put("/api/v1/servers/pg-more", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.9\"]}"));
        assertEquals(401, admin.as("wrong").get("/api/v1/servers").status());
        Map<String, Double> after = scrape(viewer);

        assertEquals(7, moved(before, after, "vedns_dns_queries_total{rcode=\"NOERROR\",transport=\"udp\"}"));
        assertEquals(3, moved(before, after, "vedns_dns_queries_total{rcode=\"NXDOMAIN\",transport=\"tcp\"}"));
        assertEquals(0, moved(before, after, "vedns_dns_queries_total{rcode=\"NOERROR\",transport=\"tcp\"}"));
        assertEquals(7, moved(before, after, "vedns_dns_query_types_total{qtype=\"A\"}"));
        assertEquals(3, moved(before, after, "vedns_dns_query_types_total{qtype=\"AAAA\"}"));
        assertEquals(1, moved(before, after, "vedns_changes_total{kind=\"ServerCreated\"}"));
        assertEquals(1, moved(before, after, "vedns_auth_failures_total"));
        assertEquals(1, moved(before, after, "vedns_journal_fsync_seconds_count"));
        assertEquals(1, moved(before, after, "vedns_change_apply_seconds_count{phase=\"journal\"}"));
        assertEquals(vedns.dns().serial(), after.get("vedns_zone_serial").longValue());
        assertEquals(0, after.get("vedns_dns_fast_path_fallbacks_total"));
        for (String name : List.of("vedns_dns_malformed_total", "vedns_dns_truncated_total", "vedns_dns_tcp_connections",
                "vedns_zone_names")) {
            assertTrue(after.containsKey(name), name + " missing");
        }
        for (String family : List.of("jvm_memory_used_bytes", "http_server_requests_seconds_count")) {
            assertTrue(after.keySet().stream().anyMatch(name -> name.startsWith(family)), family + " missing");
        }
    }

    private static long moved(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertTrue(after.containsKey(sample), sample + " missing from " + after.keySet());
        return Math.round(after.get(sample) - before.getOrDefault(sample, 0.0));
    }
}
