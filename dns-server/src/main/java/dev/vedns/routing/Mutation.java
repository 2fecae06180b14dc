package dev.vedns.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One physical change of the table: the journal stores these, not the commands, so replaying a journal
 * rebuilds exactly the acknowledged state even after the rules have changed.
 */
public sealed interface Mutation {

    record PutServer(Server server) implements Mutation {
    }

    record RemoveServer(String name) implements Mutation {
    }

    record PutEndpoint(VirtualEndpoint endpoint) implements Mutation {
    }

    record RemoveEndpoint(String name) implements Mutation {
    }

    /** The mutations that turn {@code before} into {@code after}. */
    static List<Mutation> between(RoutingTable before, RoutingTable after) {
        List<Mutation> mutations = new ArrayList<>();
        for (Server server : after.servers()) {
            if (!server.equals(before.server(server.name()))) {
                mutations.add(new PutServer(server));
            }
        }
        for (Server server : before.servers()) {
            if (after.server(server.name()) == null) {
                mutations.add(new RemoveServer(server.name()));
            }
        }
        for (VirtualEndpoint endpoint : after.endpoints()) {
            if (!Objects.equals(endpoint, before.endpoint(endpoint.name()))) {
                mutations.add(new PutEndpoint(endpoint));
            }
        }
        for (VirtualEndpoint endpoint : before.endpoints()) {
            if (after.endpoint(endpoint.name()) == null) {
                mutations.add(new RemoveEndpoint(endpoint.name()));
            }
        }
        return mutations;
    }
}
