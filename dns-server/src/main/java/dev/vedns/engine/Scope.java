package dev.vedns.engine;

import dev.vedns.access.Token;
import dev.vedns.routing.CustomEndpoint;
import dev.vedns.routing.Mutation;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.VirtualEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The replication sets a token may see and touch: those all of whose servers match one of its globs
 * ({@code orders-*}, {@code pg-main}; {@code *} stands for any run of letters, digits and hyphens). A token
 * without globs is unscoped and reaches everything.
 */
public final class Scope {

    public static final Scope ALL = new Scope(List.of());
    private static final Pattern GLOB = Pattern.compile("[a-z0-9*-]{1,63}");

    private final List<String> globs;
    private final List<Pattern> patterns;

    private Scope(List<String> globs) {
        this.globs = List.copyOf(globs);
        List<Pattern> compiled = new ArrayList<>(globs.size());
        for (String glob : globs) {
            compiled.add(Pattern.compile(glob.replace("*", "[a-z0-9-]*")));
        }
        this.patterns = List.copyOf(compiled);
    }

    /** The scope of these globs, which {@link #isGlob} has accepted; none means unscoped. */
    public static Scope of(List<String> globs) {
        return globs.isEmpty() ? ALL : new Scope(globs);
    }

    /** Whether {@code text} is a glob a scope can hold: 1-63 lowercase letters, digits, hyphens and stars. */
    public static boolean isGlob(String text) {
        return text != null && GLOB.matcher(text).matches();
    }

    public List<String> globs() {
        return globs;
    }

    public boolean unscoped() {
        return globs.isEmpty();
    }

    /** Whether a server of this name is within the globs (its set may still not be). */
    public boolean matches(String serverName) {
        if (unscoped()) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(serverName).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the replication set of {@code serverName} in {@code table} is in scope; a missing server's is not. */
    public boolean reaches(RoutingTable table, String serverName) {
        if (unscoped()) {
            return true;
        }
        Server server = table.server(serverName);
        if (server == null) {
            return false;
        }
        String primary = server.primaryName();
        if (!matches(primary)) {
            return false;
        }
        for (Server replica : table.replicasOf(primary)) {
            if (!matches(replica.name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every replication set these mutations touch is in scope, before the change and after it; a
     * scoped token touches no token.
     */
    public boolean permits(RoutingTable before, RoutingTable after, List<Mutation> mutations) {
        if (unscoped()) {
            return true;
        }
        for (Mutation mutation : mutations) {
            boolean permitted = mutation.accept(new Mutation.Visitor<Boolean>() {
                @Override
                public Boolean putServer(Server server) {
                    return reaches(after, server.name()) && (before.server(server.name()) == null
                            || reaches(before, server.name()));
                }

                @Override
                public Boolean removeServer(String name) {
                    return reaches(before, name);
                }

                @Override
                public Boolean putEndpoint(VirtualEndpoint endpoint) {
                    VirtualEndpoint old = before.endpoint(endpoint.name());
                    return reaches(after, endpoint.primaryName()) && (old == null || reaches(before, old.primaryName()));
                }

                @Override
                public Boolean removeEndpoint(String name) {
                    return reaches(before, before.endpoint(name).primaryName());
                }

                @Override
                public Boolean putCustom(CustomEndpoint custom) {
                    CustomEndpoint old = before.custom(custom.name());
                    return reaches(after, custom.primaryName()) && (old == null || reaches(before, old.primaryName()));
                }

                @Override
                public Boolean removeCustom(String name) {
                    return reaches(before, before.custom(name).primaryName());
                }

                @Override
                public Boolean putToken(Token token) {
                    return false;
                }

                @Override
                public Boolean removeToken(String name) {
                    return false;
                }
            });
            if (!permitted) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scope scope && globs.equals(scope.globs);
    }

    @Override
    public int hashCode() {
        return globs.hashCode();
    }

    @Override
    public String toString() {
        return unscoped() ? "all servers" : "servers " + String.join(", ", globs);
    }
}
