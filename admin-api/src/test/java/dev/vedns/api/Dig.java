package dev.vedns.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real {@code dig} against the test server and reads what it printed. */
final class Dig {

    private static final Pattern STATUS = Pattern.compile("status: (\\w+)");
    private static final Pattern FLAGS = Pattern.compile(";; flags: ([a-z ]*);");

    /** One dig run's output. */
    record Output(String text) {

        String status() {
            Matcher matcher = STATUS.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no status in dig output:\n" + text);
            }
            return matcher.group(1);
        }

        List<String> flags() {
            Matcher matcher = FLAGS.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no flags in dig output:\n" + text);
            }
            return List.of(matcher.group(1).trim().split(" +"));
        }

        /** The records of a section (ANSWER, AUTHORITY, QUESTION), as dig prints them. */
        List<String> section(String name) {
            List<String> records = new ArrayList<>();
            boolean inside = false;
            for (String line : text.split("\n")) {
                if (line.startsWith(";; " + name + " SECTION:")) {
                    inside = true;
                } else if (inside && line.isBlank()) {
                    break;
                } else if (inside) {
                    records.add(line.replaceAll("\\s+", " ").trim());
                }
            }
            return records;
        }
    }

    private Dig() {
    }

    static Output run(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dig", "@127.0.0.1", "-p", Integer.toString(port),
                "+time=3", "+tries=1"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dig did not finish: " + command);
        }
        return new Output(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
