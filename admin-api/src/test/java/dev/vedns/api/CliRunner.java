package dev.vedns.api;

import dev.vedns.cli.Cli;
import dev.vedns.cli.CliIo;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Runs {@code vedns} commands in this JVM against a running vedns, with stdin, stdout and stderr captured. */
final class CliRunner {

    /** What one command did. */
    record Run(int exit, String out, String err) {

        Run expect(int code) {
            if (exit != code) {
                throw new AssertionError("exit " + exit + ", expected " + code + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }

        <T> T json(JsonMapper mapper, Class<T> type) {
            try {
                return mapper.readValue(out, type);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON:\n" + out, e);
            }
        }

        List<Object> list(JsonMapper mapper) {
            try {
                return mapper.readValue(out, Argument.listOf(Object.class));
            } catch (IOException e) {
                throw new AssertionError("stdout is not a JSON array:\n" + out, e);
            }
        }

        Map<String, Object> object(JsonMapper mapper) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json(mapper, Map.class);
            return map;
        }
    }

    private final Map<String, String> env;

    CliRunner(Map<String, String> env) {
        this.env = env;
    }

    static CliRunner against(VednsUnderTest vedns, String apiUrl) {
        return new CliRunner(Map.of("VEDNS_API_URL", apiUrl, "VEDNS_DNS", "127.0.0.1:" + vedns.dns().port(),
                "VEDNS_TOKEN", vedns.adminToken()));
    }

    Run run(String... args) {
        return runWithInput("", args);
    }

    Run runWithInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args, new CliIo(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(input)), env));
        return new Run(exit, out.toString(), err.toString());
    }
}
