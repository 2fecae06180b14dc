package dev.vedns.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where a command reads and writes: the process's own streams and environment, or a test's. Output is UTF-8
 * whatever the locale, so the arrows of {@code vedns resolve} survive a POSIX shell.
 */
public record CliIo(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> env) {

    public static CliIo system() {
        return new CliIo(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.getenv());
    }
}
