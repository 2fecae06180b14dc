package dev.vedns.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every client command takes, after the command as with {@code az}. */
final class ClientOptions {

    static final String DEFAULT_API_URL = "http://127.0.0.1:8080";

    @Option(names = "--api-url", paramLabel = "URL",
            description = "The vedns admin API (default: $VEDNS_API_URL, else " + DEFAULT_API_URL + ").")
    String apiUrl;

    @Option(names = "--token", paramLabel = "SECRET",
            description = "The API token's secret (default: $VEDNS_TOKEN, else the file $VEDNS_TOKEN_FILE names, "
                    + "else ./data/admin.token when readable).")
    String token;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "The certificate (PEM) to trust for an https API URL, e.g. a self-signed one "
                    + "(default: $VEDNS_CA_FILE, else the JVM's trusted authorities).")
    Path caFile;

    @Option(names = {"--output", "-o"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: json).")
    Format output;

    @Option(names = "--verbose", description = "Print each HTTP request and its status on stderr.")
    boolean verbose;

    ApiClient api(CliIo io) {
        String url = apiUrl != null ? apiUrl : io.env().getOrDefault("VEDNS_API_URL", DEFAULT_API_URL);
        Path ca = caFile != null ? caFile
                : io.env().get("VEDNS_CA_FILE") == null ? null : Path.of(io.env().get("VEDNS_CA_FILE"));
        return new ApiClient(url, TokenSource.secret(token, io.env()), ca == null ? null : TrustedCertificate.context(ca),
                verbose ? io.err() : null);
    }

    Output output(CliIo io) {
        return new Output(io.out(), format(Format.json));
    }

    Format format(Format fallback) {
        return output == null ? fallback : output;
    }
}
