package dev.vedns.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vedns.access.Token;
import dev.vedns.engine.ChangeObserver;
import dev.vedns.engine.Committed;
import dev.vedns.engine.DurableState;
import dev.vedns.engine.JournalRecord;
import dev.vedns.engine.Leadership;
import dev.vedns.engine.Loaded;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.engine.StaleRevision;
import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.CustomEndpoint;
import dev.vedns.routing.Mutation;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.VirtualEndpoint;
import dev.vedns.storage.Codec;
import dev.vedns.storage.StartupException;
import dev.vedns.storage.StorageException;
import dev.vedns.storage.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing state in etcd, shared by every instance of a fleet. Under the prefix: {@code head} (the serial and
 * the last event id; its revision is the state's), one key per server ({@code servers/}), virtual endpoint
 * ({@code endpoints/}), custom endpoint ({@code customs/}) and token ({@code tokens/}) holding the resource, and
 * the newest events ({@code events/<id>}, each with the change it made), and the fleet's {@code leader} (see
 * {@link EtcdLeadership}). A change commits in one transaction that
 * succeeds only while {@code head} is still at the revision the change was decided on, so two instances never
 * both commit on the same state; every instance watches {@code events/} and follows the others in revision order.
 */
public final class EtcdStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdStore.class);
    private static final String HEAD = "head";
    private static final String EVENTS = "events/";
    private static final long WATCH_RETRY_MILLIS = 200;

    private final EtcdSettings settings;
    private final EtcdGateway gateway;
    private final int retainEvents;
    private final Loaded start;
    private final EtcdLeadership leadership;
    private volatile ChangeObserver observer = ChangeObserver.NONE;
    private volatile boolean closed;
    private Thread watcher;

    private EtcdStore(EtcdSettings settings, EtcdGateway gateway, int retainEvents, Loaded start) {
        this.settings = settings;
        this.gateway = gateway;
        this.retainEvents = retainEvents;
        this.start = start;
        this.leadership = new EtcdLeadership(gateway, settings.prefix(), settings.leaseTtl());
    }

    /** Reads the whole state under the prefix; a cluster that holds nothing there yet starts at {@code freshSerial}. */
    public static EtcdStore open(EtcdSettings settings, long freshSerial, int retainEvents) {
        EtcdGateway gateway = new EtcdGateway(settings);
        try {
            return new EtcdStore(settings, gateway, retainEvents, read(gateway, settings.prefix(), freshSerial));
        } catch (EtcdUnavailable | IOException failure) {
            throw new StartupException("Cannot read the routing state from etcd " + settings.endpoints() + " under "
                    + settings.prefix() + ": " + failure.getMessage(), failure);
        }
    }

    @Override
    public String name() {
        return "etcd";
    }

    @Override
    public Loaded start() {
        return start;
    }

    @Override
    public int replayed() {
        return 0;
    }

    @Override
    public void observe(ChangeObserver changes) {
        this.observer = changes;
    }

    /** Null while etcd answers with a quorum; the reason otherwise (asked now, within the operation timeout). */
    @Override
    public String unwritable() {
        try {
            gateway.call("kv/range", EtcdGateway.keyOf(key(HEAD)));
            return null;
        } catch (EtcdUnavailable failure) {
            return failure.getMessage();
        }
    }

    @Override
    public long append(JournalRecord record, long revision) {
        ObjectNode txn = EtcdGateway.transactionIf(key(HEAD), "MOD", revision);
        ArrayNode success = txn.putArray("success");
        put(success, HEAD, (record.serial() + " " + record.event().id()).getBytes(StandardCharsets.US_ASCII));
        for (Mutation mutation : record.mutations()) {
            mutation.accept(new Writes(success));
        }
        put(success, eventKey(record.event().id()), Codec.encode(record));
        if (record.event().id() > retainEvents) {
            success.addObject().set("request_delete_range",
                    EtcdGateway.keyOf(key(eventKey(record.event().id() - retainEvents))));
        }
        txn.putArray("failure").addObject().set("request_range", EtcdGateway.keyOf(key(HEAD)));
        long started = System.nanoTime();
        JsonNode answer;
        try {
            answer = gateway.call("kv/txn", txn);
        } catch (EtcdUnavailable failure) {
            if (tooLarge(failure)) {
                throw new StorageException("The change was not applied: its " + success.size() + " operations ("
                        + txn.toString().length() + " bytes) are more than etcd takes in one transaction. Start"
                        + " etcd with a higher --max-txn-ops and --max-request-bytes, or make the change in parts"
                        + " (import a state document in several smaller ones).", failure);
            }
            if (failure.outcomeUnknown()) {
                // etcd took the request and may commit it later (a member that kept it regains a quorum): saying
                // "not applied" could be false, so the caller is told to look before retrying.
                throw new StorageException("The change was sent but not confirmed: " + failure.getMessage() + ". It"
                        + " is not published here; etcd may still commit it once it has a quorum again, and every"
                        + " instance then follows it. Check the state before retrying.", failure);
            }
            throw new StorageException("The change was not applied: " + failure.getMessage() + ". DNS keeps answering"
                    + " from the last published state; retry once etcd has a quorum again.", failure);
        }
        observer.synced(System.nanoTime() - started);
        if (!answer.path("succeeded").asBoolean(false)) {
            JsonNode head = answer.path("responses").path(0).path("response_range").path("kvs").path(0);
            throw new StaleRevision(revision, head.path("mod_revision").asLong());
        }
        return answer.path("header").path("revision").asLong();
    }

    /** etcd's own words for a transaction beyond its --max-txn-ops or --max-request-bytes. */
    private static boolean tooLarge(EtcdUnavailable failure) {
        String message = failure.getMessage();
        return message.contains("too many operations in txn request") || message.contains("request is too large");
    }

    /** The state lives in etcd whole: there is no journal to compact. */
    @Override
    public void checkpoint(DurableState state) {
    }

    @Override
    public List<Committed> since(long revision) {
        ObjectNode range = EtcdGateway.prefixOf(key(EVENTS));
        range.put("min_mod_revision", Long.toString(revision + 1));
        range.put("sort_order", "ASCEND");
        range.put("sort_target", "MOD");
        try {
            List<Committed> changes = new ArrayList<>();
            for (JsonNode kv : gateway.call("kv/range", range).path("kvs")) {
                changes.add(committed(kv));
            }
            return changes;
        } catch (EtcdUnavailable failure) {
            throw new StorageException("The change was not applied: " + failure.getMessage(), failure);
        } catch (IOException unreadable) {
            return null;
        }
    }

    @Override
    public Loaded load() {
        try {
            return read(gateway, settings.prefix(), start.state().serial());
        } catch (EtcdUnavailable | IOException failure) {
            throw new StorageException("The change was not applied: the state in etcd cannot be read ("
                    + failure.getMessage() + ")", failure);
        }
    }

    @Override
    public Leadership leadership() {
        return leadership;
    }

    /**
     * Watches {@code events/} on a thread of its own, from the engine's revision on, again after every failure;
     * and stands for the fleet's leadership.
     */
    @Override
    public synchronized void follow(RoutingEngine engine) {
        watcher = new Thread(() -> watch(engine), "vedns-etcd-watch");
        watcher.setDaemon(true);
        watcher.start();
        leadership.start();
    }

    private void watch(RoutingEngine engine) {
        while (!closed) {
            ObjectNode create = EtcdGateway.prefixOf(key(EVENTS));
            create.put("start_revision", Long.toString(engine.revision() + 1));
            try {
                gateway.watch(create, result -> followResult(engine, result.path("result")));
            } catch (EtcdUnavailable ended) {
                if (!closed) {
                    LOG.debug("etcd watch ended, watching again: {}", ended.getMessage());
                }
            } catch (Reloaded again) {
                LOG.debug("watching again after the reload");
            } catch (RuntimeException unexpected) {
                if (!closed) {
                    LOG.warn("Following etcd failed; watching again from revision {}", engine.revision() + 1,
                            unexpected);
                }
            } catch (InterruptedException stop) {
                return;
            }
            try {
                Thread.sleep(WATCH_RETRY_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    private void followResult(RoutingEngine engine, JsonNode result) {
        if (result.path("compact_revision").asLong(0) > 0) {
            LOG.warn("etcd compacted the history this instance was following (revision {}): loading the whole state",
                    result.path("compact_revision").asLong());
            engine.reload(load());
            throw new Reloaded();
        }
        for (JsonNode event : result.path("events")) {
            if (!"DELETE".equals(event.path("type").asText())) {
                try {
                    engine.follow(committed(event.path("kv")));
                } catch (IOException unreadable) {
                    LOG.warn("An event in etcd cannot be read ({}): loading the whole state", unreadable.getMessage());
                    engine.reload(load());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        leadership.close();
        Thread running;
        synchronized (this) {
            running = watcher;
        }
        if (running != null) {
            running.interrupt();
        }
    }

    /** Ends a watch whose history was compacted away, once the whole state is loaded: watch again from there. */
    private static final class Reloaded extends RuntimeException {
        Reloaded() {
            super(null, null, false, false);
        }
    }

    private static Committed committed(JsonNode kv) throws IOException {
        return new Committed(kv.path("mod_revision").asLong(), Codec.decodeRecord(EtcdGateway.bytes(kv.path("value"))));
    }

    /** Every key under the prefix, read in one range: the table, the serial, the newest events, the head's revision. */
    private static Loaded read(EtcdGateway gateway, String prefix, long freshSerial)
            throws EtcdUnavailable, IOException {
        JsonNode answer = gateway.call("kv/range", EtcdGateway.prefixOf(prefix));
        long serial = freshSerial;
        long lastEventId = 0;
        long revision = 0;
        Map<String, List<Mutation>> resources = new TreeMap<>();
        TreeMap<String, RoutingEvent> events = new TreeMap<>();
        for (JsonNode kv : answer.path("kvs")) {
            String name = EtcdGateway.text(kv.path("key")).substring(prefix.length());
            byte[] value = EtcdGateway.bytes(kv.path("value"));
            if (name.equals(HEAD)) {
                String[] fields = new String(value, StandardCharsets.US_ASCII).split(" ");
                serial = Long.parseLong(fields[0]);
                lastEventId = Long.parseLong(fields[1]);
                revision = kv.path("mod_revision").asLong();
            } else if (name.startsWith(EVENTS)) {
                events.put(name, Codec.decodeRecord(value).event());
            } else if (name.indexOf('/') > 0) {
                resources.computeIfAbsent(name.substring(0, name.indexOf('/')), kind -> new ArrayList<>())
                        .add(Codec.decodeMutation(value));
            }
        }
        RoutingTable table = RoutingTable.empty();
        for (String kind : List.of("servers", "endpoints", "customs", "tokens")) {
            table = table.apply(resources.getOrDefault(kind, List.of()));
        }
        return new Loaded(new DurableState(serial, table, lastEventId, new ArrayList<>(events.values())), revision);
    }

    /** The full key of one of vedns's names under the prefix. */
    private String key(String name) {
        return settings.prefix() + name;
    }

    private static String eventKey(long id) {
        return EVENTS + String.format("%020d", id);
    }

    private void put(ArrayNode operations, String name, byte[] value) {
        ObjectNode put = EtcdGateway.keyOf(key(name));
        put.put("value", EtcdGateway.base64(value));
        operations.addObject().set("request_put", put);
    }

    /** A mutation as the transaction's operations on the resource's own key: a put, or a delete. */
    private final class Writes implements Mutation.Visitor<Void> {
        private final ArrayNode operations;

        Writes(ArrayNode operations) {
            this.operations = operations;
        }

        private Void put(String name, Mutation mutation) {
            EtcdStore.this.put(operations, name, Codec.encode(mutation));
            return null;
        }

        private Void delete(String name) {
            operations.addObject().set("request_delete_range", EtcdGateway.keyOf(key(name)));
            return null;
        }

        @Override
        public Void putServer(Server server) {
            return put("servers/" + server.name(), new Mutation.PutServer(server));
        }

        @Override
        public Void removeServer(String name) {
            return delete("servers/" + name);
        }

        @Override
        public Void putEndpoint(VirtualEndpoint endpoint) {
            return put("endpoints/" + endpoint.name(), new Mutation.PutEndpoint(endpoint));
        }

        @Override
        public Void removeEndpoint(String name) {
            return delete("endpoints/" + name);
        }

        @Override
        public Void putCustom(CustomEndpoint custom) {
            return put("customs/" + custom.name(), new Mutation.PutCustom(custom));
        }

        @Override
        public Void removeCustom(String name) {
            return delete("customs/" + name);
        }

        @Override
        public Void putToken(Token token) {
            return put("tokens/" + token.name(), new Mutation.PutToken(token));
        }

        @Override
        public Void removeToken(String name) {
            return delete("tokens/" + name);
        }
    }
}
