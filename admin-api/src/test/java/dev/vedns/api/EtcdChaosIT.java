package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.etcd.EtcdCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A client makes changes through random instances of a three-instance fleet on a three-member etcd for 60 s,
 * while the test SIGKILLs and restarts an etcd member or a vedns instance every few seconds. Afterwards every
 * acknowledged change is on every instance, their zone exports are identical, no instance's serial ever went
 * backwards, and no change the client saw refused is anywhere. A change whose answer never came (the instance
 * died, or etcd had no quorum: 503) may be either; the test only counts those.
 */
class EtcdChaosIT {

    private static final Duration RUN = Duration.ofSeconds(60);
    private static final int INSTANCES = 3;

    @TempDir
    Path work;

    private final Random random = new Random(20261202);
    private final AtomicReferenceArray<VednsProcess> instances = new AtomicReferenceArray<>(INSTANCES);
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> unanswered = new ConcurrentHashMap<>();
    private final List<String> backwards = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private String admin;

    @Test
    void acknowledgedChangesSurviveKilledMembersAndInstancesAndRefusedOnesNeverAppear() throws Exception {
        try (EtcdCluster etcd = EtcdCluster.start(3)) {
            List<String> arguments = new ArrayList<>(List.of("--vedns.dns.port=0", "--micronaut.server.port=0",
                    "--vedns.etcd.lease-ttl=2s"));
            arguments.addAll(etcd.vednsSettings("/chaos/"));
            try {
                for (int i = 0; i < INSTANCES; i++) {
                    instances.set(i, start(i, arguments));
                    if (i == 0) {
                        admin = instances.get(0).adminToken();
                    }
                }
                Thread client = new Thread(this::changes, "chaos-client");
                Thread serials = new Thread(this::watchSerials, "chaos-serials");
                client.start();
                serials.start();
                int etcdKills = 0;
                int vednsKills = 0;
                long end = System.nanoTime() + RUN.toNanos();
                while (System.nanoTime() < end - Duration.ofSeconds(8).toNanos()) {
                    Thread.sleep(2000 + random.nextInt(3000));
                    if ((etcdKills + vednsKills) % 2 == 0) {
                        int member = random.nextInt(etcd.size());
                        etcd.kill(member);
                        etcdKills++;
                        Thread.sleep(1000 + random.nextInt(2000));
                        etcd.restart(member);
                    } else {
                        int index = random.nextInt(INSTANCES);
                        VednsProcess victim = instances.getAndSet(index, null);
                        victim.kill();
                        victim.close();
                        vednsKills++;
                        Thread.sleep(1000 + random.nextInt(2000));
                        instances.set(index, start(index, arguments));
                    }
                }
                while (System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                running = false;
                client.join(30_000);
                serials.join(30_000);
                for (int i = 0; i < etcd.size(); i++) {
                    etcd.awaitHealthy(i, Duration.ofSeconds(30));
                }
                System.out.printf("etcd chaos: %d s, %d etcd members and %d vedns instances SIGKILLed and restarted;"
                        + " %d changes acknowledged, %d refused, unanswered %s%n", RUN.toSeconds(), etcdKills,
                        vednsKills, acknowledged.size(), refused.size(), unanswered);
                assertTrue(etcdKills >= 3 && vednsKills >= 3, etcdKills + " and " + vednsKills);
                assertTrue(acknowledged.size() > 100, acknowledged.size() + " acknowledged");
                theInstancesAgreeOnEveryAcknowledgedChange();
                assertEquals(List.of(), backwards, "a serial went backwards");
            } finally {
                for (int i = 0; i < INSTANCES; i++) {
                    VednsProcess instance = instances.get(i);
                    if (instance != null) {
                        instance.close();
                    }
                }
            }
        }
    }

    private VednsProcess start(int index, List<String> arguments) throws Exception {
        Path directory = work.resolve("instance-" + index);
        Files.createDirectories(directory);
        return new VednsProcess(directory, List.of(), arguments, Map.of());
    }

    /**
     * Through a random live instance each time: a new server (to be acknowledged), and every fifth time its pair
     * and then a second pair on the same set, which the rules refuse (a set has one pair).
     */
    private void changes() {
        for (int n = 0; running; n++) {
            String server = "pg-c" + n;
            send("PUT", "/api/v1/servers/" + server, "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.9."
                    + (n / 250) + "." + (n % 250) + "\"]}", "server " + server);
            if (n % 5 == 0 && acknowledged.contains("server " + server)) {
                send("PUT", "/api/v1/servers/" + server + "/virtual-endpoints/e" + n, "{\"endpointType\":\"ReadWrite\"}",
                        "pair e" + n);
                if (acknowledged.contains("pair e" + n)) {
                    send("PUT", "/api/v1/servers/" + server + "/virtual-endpoints/f" + n,
                            "{\"endpointType\":\"ReadWrite\"}", "pair f" + n);
                }
            }
        }
    }

    private void send(String method, String path, String body, String change) {
        VednsProcess through = instances.get(random.nextInt(INSTANCES));
        if (through == null) {
            unanswered.merge("instance down", 1, Integer::sum);
            return;
        }
        try {
            HttpResponse<String> response = new ProcessClient(through, admin).send(method, path, body);
            int status = response.statusCode();
            if (status / 100 == 2) {
                acknowledged.add(change);
            } else if (status / 100 == 4) {
                refused.add(change);
            } else {
                unanswered.merge("HTTP " + status, 1, Integer::sum);
            }
        } catch (IOException | InterruptedException dead) {
            unanswered.merge("no answer", 1, Integer::sum);
        }
    }

    /** Every 50 ms, each live instance's SOA serial, which must never be below the one it answered before. */
    private void watchSerials() {
        Map<Integer, Long> last = new ConcurrentHashMap<>();
        while (running) {
            for (int i = 0; i < INSTANCES; i++) {
                VednsProcess instance = instances.get(i);
                if (instance == null) {
                    continue;
                }
                long serial = serial(instance);
                if (serial < 0) {
                    continue;
                }
                Long before = last.put(i, serial);
                if (before != null && serial < before) {
                    backwards.add("instance " + i + ": " + before + " then " + serial);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    private static long serial(VednsProcess instance) {
        try {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", instance.dnsPort));
            resolver.setTimeout(Duration.ofMillis(500));
            List<Record> answer = resolver.send(Message.newQuery(Record.newRecord(
                    Name.fromConstantString("postgres.internal."), Type.SOA, DClass.IN))).getSection(Section.ANSWER);
            return answer.isEmpty() ? -1 : ((SOARecord) answer.get(0)).getSerial();
        } catch (IOException down) {
            return -1;
        }
    }

    private void theInstancesAgreeOnEveryAcknowledgedChange() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> zones;
        while (true) {
            zones = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                zones.add(new ProcessClient(instances.get(i), admin).get("/api/v1/zone"));
            }
            if (zones.stream().distinct().count() == 1 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(1, zones.stream().distinct().count(), "the instances' zone exports differ");
        for (int i = 0; i < INSTANCES; i++) {
            String state = new ProcessClient(instances.get(i), admin).get("/api/v1/state");
            for (String change : acknowledged) {
                String name = change.substring(change.indexOf(' ') + 1);
                assertTrue(state.contains("\"" + name + "\""), "instance " + i + " lacks the acknowledged " + change);
            }
            for (String change : refused) {
                String name = change.substring(change.indexOf(' ') + 1);
                assertTrue(!state.contains("\"" + name + "\""), "instance " + i + " holds the refused " + change);
            }
        }
    }
}
