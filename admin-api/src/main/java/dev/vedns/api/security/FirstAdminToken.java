package dev.vedns.api.security;

import dev.vedns.access.Secrets;
import dev.vedns.api.config.VednsConfiguration;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way in for a new installation: with authentication on and no token yet, vedns issues the admin token
 * {@code admin} and writes its secret to a file only its owner can read, logging the file's path, never the
 * secret. The file is written before the token is journaled, so a crash between the two leaves no token that
 * nobody can use: the next start issues one again.
 */
@Context
public class FirstAdminToken {

    public static final String NAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger("vedns");

    private final Path file;

    public FirstAdminToken(VednsConfiguration config, RoutingEngine engine) {
        this.file = file(config);
        if (!config.getAuth().isEnabled()) {
            LOG.warn("vedns.auth.enabled=false: the admin API takes changes from anyone who can reach its port."
                    + " Use this only for local development.");
            return;
        }
        if (!engine.table().tokens().isEmpty()) {
            return;
        }
        String secret = Secrets.create();
        write(secret);
        try {
            engine.apply(new RoutingCommand.CreateToken(NAME, "admin", null, null, Secrets.hash(secret),
                    Instant.now()));
        } catch (RoutingException taken) {
            // Instances of one fleet starting together on etcd: another one issued the fleet's admin token first.
            forget();
            LOG.info("The fleet's admin token '{}' was created by another instance; its secret is in that instance's"
                    + " admin token file", NAME);
            return;
        }
        LOG.info("Created the admin token '{}'; its secret is in {} (readable by this user only)", NAME, file);
    }

    /** Where the first admin token's secret is, or was, written. */
    public static Path file(VednsConfiguration config) {
        Path configured = config.getAuth().getAdminTokenFile();
        return configured != null ? configured : config.getDataDir().resolve("admin.token");
    }

    private void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException failure) {
            LOG.warn("Cannot delete {}, which holds no valid secret: {}", file, failure.toString());
        }
    }

    private void write(String secret) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.US_ASCII.encode(secret + "\n"));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException failure) {
            throw new ConfigurationException("Cannot write the admin token to " + file.toAbsolutePath() + " ("
                    + failure + "); set vedns.auth.admin-token-file to a writable path.", failure);
        }
    }
}
