package dev.vedns.cli;

import picocli.CommandLine.Option;

/** {@code --prefix}: a list narrowed to the names that start with it, as the API's {@code ?prefix} does. */
final class PrefixOption {

    @Option(names = "--prefix", description = "Only the names that start with this.")
    String prefix;

    /** The query string for a list's path: empty, or {@code ?prefix=…}. */
    String query() {
        return prefix == null ? "" : "?prefix=" + ApiClient.segment(prefix);
    }
}
