package dev.vedns.cli;

import java.util.List;
import java.util.Map;

/** Why a command did not do what it was asked, as lines for stderr and the exit code a script can test. */
final class CliFailure extends RuntimeException {

    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private final int exitCode;
    private final List<String> lines;

    private CliFailure(int exitCode, List<String> lines) {
        super(lines.isEmpty() ? "exit " + exitCode : lines.get(0));
        this.exitCode = exitCode;
        this.lines = lines;
    }

    /** The server answered with an error: its problem's title and detail, then one line per field. */
    static CliFailure refused(int status, String body) {
        Object parsed = Json.parseOrNull(body);
        if (!(parsed instanceof Map<?, ?> problem) || problem.get("title") == null) {
            String text = body == null || body.isBlank() ? "" : ": " + body.strip().lines().findFirst().orElse("");
            return new CliFailure(REFUSED, List.of("vedns: the server answered " + status + text));
        }
        List<String> lines = new java.util.ArrayList<>();
        Object detail = problem.get("detail");
        lines.add("vedns: " + problem.get("title") + (detail == null ? "" : ": " + detail));
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object item : errors) {
                if (item instanceof Map<?, ?> error) {
                    lines.add("  " + error.get("field") + ": " + error.get("message") + " [" + error.get("rule") + "]");
                }
            }
        }
        return new CliFailure(REFUSED, List.copyOf(lines));
    }

    static CliFailure unreachable(String url, Exception cause) {
        return unreachable("the vedns API at " + url, cause, "--api-url or VEDNS_API_URL");
    }

    static CliFailure unreachableDns(String hostPort, Exception cause) {
        return unreachable("the vedns DNS server at " + hostPort, cause, "--dns or VEDNS_DNS");
    }

    private static CliFailure unreachable(String what, Exception cause, String setting) {
        return new CliFailure(UNREACHABLE, List.of("vedns: cannot reach " + what + " (" + reason(cause) + "); point "
                + setting + " at a running vedns"));
    }

    /** The JDK's client often says only "ConnectException"; the words are further down the causes. */
    private static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return cause.getClass().getSimpleName();
    }

    /** A failure the command has already reported on stdout (an NXDOMAIN it printed): the exit code only. */
    static CliFailure quiet(int exitCode) {
        return new CliFailure(exitCode, List.of());
    }

    static CliFailure usage(String message) {
        return new CliFailure(USAGE, List.of("vedns: " + message));
    }

    static CliFailure failed(String message) {
        return new CliFailure(REFUSED, List.of("vedns: " + message));
    }

    int exitCode() {
        return exitCode;
    }

    List<String> lines() {
        return lines;
    }
}
