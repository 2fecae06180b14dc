package dev.vedns.routing;

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
}
