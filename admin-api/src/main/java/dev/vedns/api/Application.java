package dev.vedns.api;

import dev.vedns.cli.Cli;
import dev.vedns.cli.CliIo;
import dev.vedns.transport.DnsListener;
import io.micronaut.runtime.Micronaut;

/**
 * One program: with no arguments, {@code serve} or only {@code --key=value} settings it starts vedns (the DNS
 * engine and the admin API in one JVM); with a command it is the {@code vedns} command line.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (Cli.isClientCommand(args)) {
            System.exit(Cli.run(args, CliIo.system()));
        }
        // Netty's native transport takes a tenth of a second or more to load: it loads beside Micronaut's start.
        Thread transport = new Thread(DnsListener::loadTransport, "vedns-transport-load");
        transport.setDaemon(true);
        transport.start();
        Micronaut.run(Application.class, Cli.serverArguments(args));
    }
}
