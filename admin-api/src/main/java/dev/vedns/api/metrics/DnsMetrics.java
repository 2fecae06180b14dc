package dev.vedns.api.metrics;

import dev.vedns.Vedns;
import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.api.security.TokenFilter;
import dev.vedns.transport.DnsCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * vedns's own meters, read from the engine's counters when Prometheus scrapes: nothing here runs per query.
 */
@Singleton
public class DnsMetrics implements MeterBinder {

    /** The response codes an authoritative server answers with; the others cannot occur in its header. */
    private static final int[] RCODES = {Rcode.NOERROR, Rcode.FORMERR, Rcode.SERVFAIL, Rcode.NXDOMAIN, Rcode.NOTIMP,
        Rcode.REFUSED, Rcode.NOTAUTH};

    private final Vedns vedns;
    private final TokenFilter tokens;

    public DnsMetrics(Vedns vedns, TokenFilter tokens) {
        this.vedns = vedns;
        this.tokens = tokens;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        DnsCounters counters = vedns.dns().counters();
        for (Transport transport : Transport.values()) {
            for (int rcode : RCODES) {
                FunctionCounter.builder("vedns.dns.queries", counters, dns -> dns.answers(transport, rcode))
                        .description("DNS queries answered, by transport and response code")
                        .tag("transport", transport.name().toLowerCase(Locale.ROOT)).tag("rcode", Rcode.string(rcode))
                        .register(registry);
            }
        }
        for (int type : DnsCounters.countedTypes()) {
            FunctionCounter.builder("vedns.dns.query.types", counters, dns -> dns.ofType(type))
                    .description("DNS queries by question type").tag("qtype", Type.string(type)).register(registry);
        }
        FunctionCounter.builder("vedns.dns.query.types", counters, DnsCounters::ofOtherTypes)
                .description("DNS queries by question type").tag("qtype", "other").register(registry);
        FunctionCounter.builder("vedns.dns.malformed", counters, DnsCounters::malformed)
                .description("DNS packets answered FORMERR or dropped as no query").register(registry);
        FunctionCounter.builder("vedns.dns.truncated", counters, DnsCounters::truncated)
                .description("DNS answers sent truncated (TC), for the client to retry over TCP").register(registry);
        FunctionCounter.builder("vedns.dns.rrl.dropped", counters, DnsCounters::rateLimited)
                .description("UDP answers withheld by response rate limiting (the truncated slips are counted as truncated)")
                .register(registry);
        Gauge.builder("vedns.dns.tcp.connections", counters, DnsCounters::tcpConnections)
                .description("DNS TCP connections open now").register(registry);
        FunctionCounter.builder("vedns.dns.fast.path.fallbacks", Responder.fastPathFailures(), failures -> failures.count())
                .description("Queries the fast answer path failed on, each answered by the general path")
                .register(registry);
        Gauge.builder("vedns.zone.serial", vedns, running -> running.engine().get().serial())
                .description("The SOA serial DNS answers with").register(registry);
        Gauge.builder("vedns.zone.names", vedns, running -> running.engine().get().nameCount())
                .description("Owner names in the zone").register(registry);
        FunctionCounter.builder("vedns.auth.failures", tokens, TokenFilter::failures)
                .description("API requests refused for want of a valid token").register(registry);
    }
}
