package dev.vedns.routing;

import dev.vedns.access.Token;

/**
 * One physical change of the table: the journal stores these, not the commands, so replaying a journal
 * rebuilds exactly the acknowledged state even after the rules have changed. Whatever handles mutations
 * does so through a {@link Visitor}, so a new kind does not compile until every handler knows it.
 */
public sealed interface Mutation {

    <R> R accept(Visitor<R> visitor);

    /**
     * Whether DNS answers may change when this is applied to {@code before}: a token's mutation changes the API,
     * not the zone or its serial; nor does a pair's role mismatch or a server's probe.
     */
    boolean touchesZone(RoutingTable before);

    /** One method per kind of mutation. */
    interface Visitor<R> {
        R putServer(Server server);

        R removeServer(String name);

        R putEndpoint(VirtualEndpoint endpoint);

        R removeEndpoint(String name);

        R putToken(Token token);

        R removeToken(String name);

        R putCustom(CustomEndpoint custom);

        R removeCustom(String name);
    }

    record PutServer(Server server) implements Mutation {
        @Override
        public boolean touchesZone(RoutingTable before) {
            Server old = before.server(server.name());
            return old == null || !old.withAddresses(old.addresses(), server.probe()).equals(server);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.putServer(server);
        }
    }

    record RemoveServer(String name) implements Mutation {
        @Override
        public boolean touchesZone(RoutingTable before) {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removeServer(name);
        }
    }

    record PutEndpoint(VirtualEndpoint endpoint) implements Mutation {
        @Override
        public boolean touchesZone(RoutingTable before) {
            VirtualEndpoint old = before.endpoint(endpoint.name());
            return old == null || !old.answersLike(endpoint);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.putEndpoint(endpoint);
        }
    }

    record RemoveEndpoint(String name) implements Mutation {
        @Override
        public boolean touchesZone(RoutingTable before) {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removeEndpoint(name);
        }
    }

    record PutToken(Token token) implements Mutation {
        @Override
        public boolean touchesZone(RoutingTable before) {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.putToken(token);
        }
    }

    record RemoveToken(String name) implements Mutation {
        @Override
        public boolean touchesZone(RoutingTable before) {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removeToken(name);
        }
    }

    record PutCustom(CustomEndpoint custom) implements Mutation {
        @Override
        public boolean touchesZone(RoutingTable before) {
            CustomEndpoint old = before.custom(custom.name());
            return old == null || !old.effectiveTargets().equals(custom.effectiveTargets());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.putCustom(custom);
        }
    }

    record RemoveCustom(String name) implements Mutation {
        @Override
        public boolean touchesZone(RoutingTable before) {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removeCustom(name);
        }
    }
}
