package dev.vedns.api;

import io.micronaut.runtime.Micronaut;

/** Starts vedns: the DNS engine and the admin API in one JVM. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
