package dev.vedns.cli;

/** The output formats of {@code --output}, as {@code az} names them. */
enum Format {
    json, table, tsv
}
