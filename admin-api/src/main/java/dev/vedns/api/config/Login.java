package dev.vedns.api.config;

import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A user and its password, given inline (best as an environment variable) or in a file, for a service vedns logs
 * in to (PostgreSQL for the probes, etcd). The password is never logged.
 */
public abstract class Login {

    private String user;
    private String password;
    private Path passwordFile;

    protected Login(String user) {
        this.user = user;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    /** Best given as an environment variable, or in a file: {@link #getPasswordFile}. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Path getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(Path passwordFile) {
        this.passwordFile = passwordFile;
    }

    /**
     * The password: the file's first line when a file is named, else the one given inline (or null).
     *
     * @param property where this login is configured, such as {@code vedns.etcd}, for the error
     */
    public String password(String property) {
        if (passwordFile == null) {
            return password;
        }
        try {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        } catch (IOException unreadable) {
            throw new ConfigurationException(property + ".password-file " + passwordFile + " cannot be read: "
                    + unreadable.getMessage());
        }
    }
}
