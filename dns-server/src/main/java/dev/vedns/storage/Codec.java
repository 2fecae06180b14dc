package dev.vedns.storage;

import dev.vedns.access.Token;
import dev.vedns.access.TokenRole;
import dev.vedns.engine.DurableState;
import dev.vedns.engine.JournalRecord;
import dev.vedns.events.RoutingEvent;
import dev.vedns.events.TargetChange;
import dev.vedns.routing.CustomEndpoint;
import dev.vedns.routing.CustomEndpointType;
import dev.vedns.routing.Mutation;
import dev.vedns.routing.ReplicationRole;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.ProbeType;
import dev.vedns.routing.ReaderReroute;
import dev.vedns.routing.Server;
import dev.vedns.routing.ServerProbe;
import dev.vedns.routing.VirtualEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of journal records and checkpoints: every field in a fixed order, and every kind and enum
 * written as an explicit tag, so renaming or reordering a Java type never changes a file. Version 2 adds the
 * actor of each event and the API's tokens; version 3 a server's probe and a pair's option, reroute and role
 * mismatch; version 4 a reader's several members (a pool), a reroute's several targets and the custom endpoints. Versions 1 to 3 are
 * still read (their events predate actors: anonymous; their pairs and servers have the defaults; their readers
 * have one member).
 */
public final class Codec {

    private static final int VERSION = 4;
    private static final int FIRST_VERSION = 1;
    private static final int PROBES_VERSION = 3;
    private static final int POOLS_VERSION = 4;
    private static final int PUT_SERVER = 1;
    private static final int REMOVE_SERVER = 2;
    private static final int PUT_ENDPOINT = 3;
    private static final int REMOVE_ENDPOINT = 4;
    private static final int PUT_TOKEN = 5;
    private static final int REMOVE_TOKEN = 6;
    private static final int PUT_CUSTOM = 7;
    private static final int REMOVE_CUSTOM = 8;
    private static final int CUSTOM_READER = 1;
    private static final int CUSTOM_ANY = 2;
    private static final int PRIMARY = 0;
    private static final int ASYNC_REPLICA = 1;
    private static final int VIEWER = 1;
    private static final int OPERATOR = 2;
    private static final int ADMIN = 3;
    private static final int PROBE_POSTGRES = 1;
    private static final int PROBE_TCP = 2;
    private static final int PROBE_NONE = 3;

    private Codec() {
    }

    public static byte[] encode(JournalRecord record) {
        return write(out -> writeRecord(out, record));
    }

    static void writeRecord(DataOutputStream out, JournalRecord record) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(record.serial());
        writeEvent(out, record.event());
        out.writeInt(record.mutations().size());
        for (Mutation mutation : record.mutations()) {
            writeMutation(out, mutation);
        }
    }

    public static JournalRecord decodeRecord(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int version = readVersion(in);
        long serial = in.readLong();
        RoutingEvent event = readEvent(in, version);
        int count = in.readInt();
        List<Mutation> mutations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mutations.add(readMutation(in, version));
        }
        return new JournalRecord(serial, event, mutations);
    }

    /** One mutation alone, as a shared store keeps each resource (a put) under its own key. */
    public static byte[] encode(Mutation mutation) {
        return write(out -> {
            out.writeByte(VERSION);
            writeMutation(out, mutation);
        });
    }

    public static Mutation decodeMutation(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int version = readVersion(in);
        return readMutation(in, version);
    }

    static void writeState(DataOutputStream out, DurableState state) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(state.serial());
        out.writeLong(state.lastEventId());
        out.writeInt(state.table().serverCount());
        for (Server server : state.table().serversInAnyOrder()) {
            writeServer(out, server);
        }
        out.writeInt(state.table().endpointCount());
        for (VirtualEndpoint endpoint : state.table().endpointsInAnyOrder()) {
            writeEndpoint(out, endpoint);
        }
        out.writeInt(state.table().tokens().size());
        for (Token token : state.table().tokens()) {
            writeToken(out, token);
        }
        out.writeInt(state.table().customCount());
        for (CustomEndpoint custom : state.table().customsInAnyOrder()) {
            writeCustom(out, custom);
        }
        out.writeInt(state.events().size());
        for (RoutingEvent event : state.events()) {
            writeEvent(out, event);
        }
    }

    static DurableState decodeState(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int version = readVersion(in);
        long serial = in.readLong();
        long lastEventId = in.readLong();
        int serverCount = in.readInt();
        List<Server> servers = new ArrayList<>(serverCount);
        for (int i = 0; i < serverCount; i++) {
            servers.add(readServer(in, version));
        }
        int endpointCount = in.readInt();
        List<VirtualEndpoint> endpoints = new ArrayList<>(endpointCount);
        for (int i = 0; i < endpointCount; i++) {
            endpoints.add(readEndpoint(in, version));
        }
        RoutingTable table = RoutingTable.of(servers, endpoints);
        int tokenCount = version == FIRST_VERSION ? 0 : in.readInt();
        for (int i = 0; i < tokenCount; i++) {
            table = table.withToken(readToken(in));
        }
        int customCount = version < POOLS_VERSION ? 0 : in.readInt();
        List<CustomEndpoint> customs = new ArrayList<>(customCount);
        for (int i = 0; i < customCount; i++) {
            customs.add(readCustom(in));
        }
        table = table.withCustoms(customs);
        int eventCount = in.readInt();
        List<RoutingEvent> events = new ArrayList<>(eventCount);
        for (int i = 0; i < eventCount; i++) {
            events.add(readEvent(in, version));
        }
        return new DurableState(serial, table, lastEventId, events);
    }

    private static int readVersion(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        if (version < FIRST_VERSION || version > VERSION) {
            throw new IOException("unknown format version " + version + " (this vedns reads versions " + FIRST_VERSION
                    + " to " + VERSION + ")");
        }
        return version;
    }

    private static void writeMutation(DataOutputStream out, Mutation mutation) throws IOException {
        try {
            mutation.accept(new Mutation.Visitor<Void>() {
                @Override
                public Void putServer(Server server) {
                    return written(() -> {
                        out.writeByte(PUT_SERVER);
                        writeServer(out, server);
                    });
                }

                @Override
                public Void removeServer(String name) {
                    return written(() -> {
                        out.writeByte(REMOVE_SERVER);
                        out.writeUTF(name);
                    });
                }

                @Override
                public Void putEndpoint(VirtualEndpoint endpoint) {
                    return written(() -> {
                        out.writeByte(PUT_ENDPOINT);
                        writeEndpoint(out, endpoint);
                    });
                }

                @Override
                public Void removeEndpoint(String name) {
                    return written(() -> {
                        out.writeByte(REMOVE_ENDPOINT);
                        out.writeUTF(name);
                    });
                }

                @Override
                public Void putToken(Token token) {
                    return written(() -> {
                        out.writeByte(PUT_TOKEN);
                        writeToken(out, token);
                    });
                }

                @Override
                public Void removeToken(String name) {
                    return written(() -> {
                        out.writeByte(REMOVE_TOKEN);
                        out.writeUTF(name);
                    });
                }

                @Override
                public Void putCustom(CustomEndpoint custom) {
                    return written(() -> {
                        out.writeByte(PUT_CUSTOM);
                        writeCustom(out, custom);
                    });
                }

                @Override
                public Void removeCustom(String name) {
                    return written(() -> {
                        out.writeByte(REMOVE_CUSTOM);
                        out.writeUTF(name);
                    });
                }
            });
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
    }

    private static Mutation readMutation(DataInputStream in, int version) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case PUT_SERVER -> new Mutation.PutServer(readServer(in, version));
            case REMOVE_SERVER -> new Mutation.RemoveServer(in.readUTF());
            case PUT_ENDPOINT -> new Mutation.PutEndpoint(readEndpoint(in, version));
            case REMOVE_ENDPOINT -> new Mutation.RemoveEndpoint(in.readUTF());
            case PUT_TOKEN -> new Mutation.PutToken(readToken(in));
            case REMOVE_TOKEN -> new Mutation.RemoveToken(in.readUTF());
            case PUT_CUSTOM -> new Mutation.PutCustom(readCustom(in));
            case REMOVE_CUSTOM -> new Mutation.RemoveCustom(in.readUTF());
            default -> throw new IOException("unknown mutation tag " + tag);
        };
    }

    private static void writeCustom(DataOutputStream out, CustomEndpoint custom) throws IOException {
        out.writeUTF(custom.name());
        out.writeUTF(custom.primaryName());
        out.writeByte(custom.type() == CustomEndpointType.Reader ? CUSTOM_READER : CUSTOM_ANY);
        out.writeBoolean(custom.members() != null);
        writeStrings(out, custom.members() != null ? custom.members() : custom.excludedMembers());
        writeStrings(out, custom.resolved());
        out.writeBoolean(custom.reroute() != null);
        if (custom.reroute() != null) {
            writeStrings(out, custom.reroute().targets());
            out.writeUTF(custom.reroute().reason());
        }
    }

    private static CustomEndpoint readCustom(DataInputStream in) throws IOException {
        String name = in.readUTF();
        String primary = in.readUTF();
        int tag = in.readUnsignedByte();
        CustomEndpointType type = switch (tag) {
            case CUSTOM_READER -> CustomEndpointType.Reader;
            case CUSTOM_ANY -> CustomEndpointType.Any;
            default -> throw new IOException("unknown custom endpoint type tag " + tag);
        };
        boolean listed = in.readBoolean();
        List<String> names = readStrings(in);
        List<String> resolved = readStrings(in);
        ReaderReroute reroute = in.readBoolean() ? new ReaderReroute(readStrings(in), in.readUTF()) : null;
        return new CustomEndpoint(name, primary, type, listed ? names : null, listed ? null : names, resolved, reroute);
    }

    private static void writeServer(DataOutputStream out, Server server) throws IOException {
        out.writeUTF(server.name());
        out.writeByte(roleTag(server.role()));
        writeNullable(out, server.sourceServerName());
        out.writeShort(server.addresses().size());
        for (InetAddress address : server.addresses()) {
            byte[] bytes = address.getAddress();
            out.writeByte(bytes.length);
            out.write(bytes);
        }
        ServerProbe probe = server.probe();
        out.writeBoolean(probe != null);
        if (probe != null) {
            out.writeByte(probeTag(probe.type()));
            out.writeInt(probe.port() == null ? -1 : probe.port());
        }
    }

    private static Server readServer(DataInputStream in, int version) throws IOException {
        String name = in.readUTF();
        ReplicationRole role = role(in.readUnsignedByte());
        String source = readNullable(in);
        int count = in.readUnsignedShort();
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[in.readUnsignedByte()];
            in.readFully(bytes);
            addresses.add(InetAddress.getByAddress(bytes));
        }
        ServerProbe probe = null;
        if (version >= PROBES_VERSION && in.readBoolean()) {
            ProbeType type = probeType(in.readUnsignedByte());
            int port = in.readInt();
            probe = new ServerProbe(type, port < 0 ? null : port);
        }
        return new Server(name, role, source, addresses, probe);
    }

    private static int probeTag(ProbeType type) {
        return switch (type) {
            case postgres -> PROBE_POSTGRES;
            case tcp -> PROBE_TCP;
            case none -> PROBE_NONE;
        };
    }

    private static ProbeType probeType(int tag) throws IOException {
        return switch (tag) {
            case PROBE_POSTGRES -> ProbeType.postgres;
            case PROBE_TCP -> ProbeType.tcp;
            case PROBE_NONE -> ProbeType.none;
            default -> throw new IOException("unknown probe tag " + tag);
        };
    }

    private static int roleTag(ReplicationRole role) {
        return switch (role) {
            case Primary -> PRIMARY;
            case AsyncReplica -> ASYNC_REPLICA;
        };
    }

    private static ReplicationRole role(int tag) throws IOException {
        return switch (tag) {
            case PRIMARY -> ReplicationRole.Primary;
            case ASYNC_REPLICA -> ReplicationRole.AsyncReplica;
            default -> throw new IOException("unknown replication role tag " + tag);
        };
    }

    private static void writeToken(DataOutputStream out, Token token) throws IOException {
        out.writeUTF(token.name());
        out.writeByte(switch (token.role()) {
            case viewer -> VIEWER;
            case operator -> OPERATOR;
            case admin -> ADMIN;
        });
        writeStrings(out, token.servers());
        out.writeUTF(token.secretHash());
        writeInstant(out, token.createdAt());
        out.writeBoolean(token.expiresAt() != null);
        if (token.expiresAt() != null) {
            writeInstant(out, token.expiresAt());
        }
    }

    private static Token readToken(DataInputStream in) throws IOException {
        String name = in.readUTF();
        int tag = in.readUnsignedByte();
        TokenRole role = switch (tag) {
            case VIEWER -> TokenRole.viewer;
            case OPERATOR -> TokenRole.operator;
            case ADMIN -> TokenRole.admin;
            default -> throw new IOException("unknown token role tag " + tag);
        };
        List<String> servers = readStrings(in);
        String secretHash = in.readUTF();
        Instant createdAt = readInstant(in);
        Instant expiresAt = in.readBoolean() ? readInstant(in) : null;
        return new Token(name, role, servers, secretHash, createdAt, expiresAt);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeEndpoint(DataOutputStream out, VirtualEndpoint endpoint) throws IOException {
        out.writeUTF(endpoint.name());
        out.writeUTF(endpoint.primaryName());
        writeStrings(out, endpoint.readerMembers());
        out.writeBoolean(endpoint.writerFollowsObservedPrimary());
        ReaderReroute reroute = endpoint.reroute();
        out.writeBoolean(reroute != null);
        if (reroute != null) {
            writeStrings(out, reroute.targets());
            out.writeUTF(reroute.reason());
        }
        writeNullable(out, endpoint.roleMismatch());
    }

    private static VirtualEndpoint readEndpoint(DataInputStream in, int version) throws IOException {
        String name = in.readUTF();
        String primary = in.readUTF();
        List<String> members = readServerNames(in, version);
        if (version < PROBES_VERSION) {
            return new VirtualEndpoint(name, primary, members, false, null, null);
        }
        boolean follows = in.readBoolean();
        ReaderReroute reroute = in.readBoolean() ? new ReaderReroute(readServerNames(in, version), in.readUTF()) : null;
        return new VirtualEndpoint(name, primary, members, follows, reroute, readNullable(in));
    }

    /** A reader's members or a reroute's targets: one name before pools, a list since. */
    private static List<String> readServerNames(DataInputStream in, int version) throws IOException {
        return version < POOLS_VERSION ? List.of(in.readUTF()) : readStrings(in);
    }

    private static void writeEvent(DataOutputStream out, RoutingEvent event) throws IOException {
        out.writeLong(event.id());
        writeInstant(out, event.time());
        out.writeLong(event.serial());
        out.writeUTF(event.kind());
        writeStrings(out, event.servers());
        writeStrings(out, event.virtualEndpoints());
        out.writeInt(event.details().size());
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            out.writeUTF(detail.getKey());
            out.writeUTF(detail.getValue());
        }
        out.writeInt(event.targets().size());
        for (TargetChange target : event.targets()) {
            out.writeUTF(target.fqdn());
            writeNullable(out, target.before());
            writeNullable(out, target.after());
        }
        out.writeUTF(event.actor());
    }

    private static RoutingEvent readEvent(DataInputStream in, int version) throws IOException {
        long id = in.readLong();
        Instant time = readInstant(in);
        long serial = in.readLong();
        String kind = in.readUTF();
        List<String> servers = readStrings(in);
        List<String> endpoints = readStrings(in);
        int detailCount = in.readInt();
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < detailCount; i++) {
            details.put(in.readUTF(), in.readUTF());
        }
        int targetCount = in.readInt();
        List<TargetChange> targets = new ArrayList<>(targetCount);
        for (int i = 0; i < targetCount; i++) {
            targets.add(new TargetChange(in.readUTF(), readNullable(in), readNullable(in)));
        }
        String actor = version == FIRST_VERSION ? RoutingEvent.ANONYMOUS : in.readUTF();
        return new RoutingEvent(id, time, serial, kind, servers, endpoints, details, targets, actor);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String string : strings) {
            out.writeUTF(string);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs a write from code that may not throw IOException (a visitor): writeMutation unwraps it again. */
    private static Void written(Step step) {
        try {
            step.run();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return null;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }
}
