package dev.vedns.api.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests refused for want of a valid token: counted, and logged at most once a second per client address,
 * with the address and the reason, never with what was presented.
 */
public final class FailedAuthentications {

    private static final Logger LOG = LoggerFactory.getLogger(FailedAuthentications.class);
    private static final long LOG_INTERVAL = TimeUnit.SECONDS.toNanos(1);
    /** Enough for any real set of clients; a flood from many addresses only makes the map start again. */
    private static final int ADDRESSES = 10_000;

    private final LongSupplier nanoClock;
    private final LongAdder count = new LongAdder();
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    public FailedAuthentications(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Counts one refusal, and logs it unless this address's was logged less than a second ago. */
    void record(String address, String reason) {
        count.increment();
        long now = nanoClock.getAsLong();
        if (lastLogged.size() > ADDRESSES) {
            lastLogged.clear();
        }
        Long previous = lastLogged.get(address);
        boolean due = previous == null ? lastLogged.putIfAbsent(address, now) == null
                : now - previous >= LOG_INTERVAL && lastLogged.replace(address, previous, now);
        if (due) {
            LOG.warn("Refused a request from {}: {} ({} refused since the start; logged at most once a second per"
                    + " address)", address, reason, count.sum());
        }
    }

    public long count() {
        return count.sum();
    }
}
