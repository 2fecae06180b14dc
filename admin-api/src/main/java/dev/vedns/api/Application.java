package dev.vedns.api;

import dev.vedns.cli.Cli;
import dev.vedns.cli.CliIo;
import dev.vedns.transport.DnsListener;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.slf4j.LoggerFactory;

/**
 * One program: with no arguments, {@code serve} or only {@code --key=value} settings it starts vedns (the DNS
 * engine and the admin API in one JVM); with a command it is the {@code vedns} command line.
 */
@OpenAPIDefinition(
        info = @Info(title = "vedns admin API", version = "v1",
                description = "Virtual endpoints for PostgreSQL fleets: servers, writer/reader pairs, promotions, the "
                        + "event log, the whole state and the API's tokens. Every route presents a bearer token; "
                        + "errors are application/problem+json (RFC 9457)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The secret of a vedns token: Authorization: Bearer <secret>")
public final class Application {

    private static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    private Application() {
    }

    public static void main(String[] args) {
        if (Cli.isClientCommand(args)) {
            System.exit(Cli.run(args, CliIo.system()));
        }
        HeapReturn.apply();
        // Netty's leak detector touches every message on every read and write (5-8 % of the CPU of an answer,
        // measured): a development aid, kept by every test that runs the server inside its own JVM rather than
        // through this entry point. A level the operator sets stands.
        if (System.getProperty(LEAK_DETECTION) == null) {
            System.setProperty(LEAK_DETECTION, "disabled");
        }
        // Logging is set up first, on this thread. SLF4J gives a thread that asks for a logger while another thread
        // sets logging up a stand-in that says TRACE is on; Micronaut asks just then, and it traced the resolution
        // of every bean through a start (about 75 ms of it, measured) when Netty set logging up on the thread below.
        LoggerFactory.getILoggerFactory();
        // Netty's native transport and its buffer pool take a tenth of a second or more to set up: beside Micronaut's
        // start.
        Thread transport = new Thread(DnsListener::loadTransport, "vedns-transport-load");
        transport.setDaemon(true);
        transport.start();
        Micronaut.run(Application.class, Cli.serverArguments(args));
    }
}
