package dev.vedns.api.state;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a fleet declared in a file (kept in Git, say), in the shape of {@code PUT /api/v1/state}. YAML is a
 * superset of JSON, so one parser reads both; the result goes through the same binding as the API's body.
 */
@Singleton
public class BootstrapFile {

    private final JsonMapper mapper;

    public BootstrapFile(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public StateImport read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return mapper.readValue(mapper.writeValueAsBytes(tree), Argument.of(StateImport.class));
        } catch (IOException | RuntimeException unreadable) {
            throw new ConfigurationException("vedns.bootstrap-file " + file.toAbsolutePath() + " cannot be read as a"
                    + " state document: " + unreadable.getMessage(), unreadable);
        }
    }
}
