package dev.vedns.api.conformance;

/**
 * One query of the corpus: its bytes, how it travels, and what kind of query it is (the allow-list matches
 * on the kind).
 *
 * @param kind  e.g. "ANY", "opcode NOTIFY", "garbage"
 * @param label a readable description for failure messages
 */
record Probe(String kind, String label, byte[] wire, boolean tcp) {
}
