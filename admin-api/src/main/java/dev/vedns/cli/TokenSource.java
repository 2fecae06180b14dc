package dev.vedns.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the command line finds the token to present: {@code --token}, else {@code $VEDNS_TOKEN}, else the file
 * {@code $VEDNS_TOKEN_FILE} names, else {@code ./data/admin.token} (what a vedns started here wrote) when it
 * can be read. A file named on purpose that cannot be read is an error; the default file is only a convenience.
 */
final class TokenSource {

    static final Path DEFAULT_FILE = Path.of("data", "admin.token");

    private TokenSource() {
    }

    /** The secret, or null to send none (the server then says what it needs). */
    static String secret(String option, Map<String, String> env) {
        if (option != null) {
            return option.trim();
        }
        String variable = env.get("VEDNS_TOKEN");
        if (variable != null && !variable.isBlank()) {
            return variable.trim();
        }
        String file = env.get("VEDNS_TOKEN_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return read(Path.of(file));
            } catch (IOException unreadable) {
                throw CliFailure.usage("VEDNS_TOKEN_FILE names " + file + ", which cannot be read: " + unreadable);
            }
        }
        try {
            return Files.isReadable(DEFAULT_FILE) ? read(DEFAULT_FILE) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
}
