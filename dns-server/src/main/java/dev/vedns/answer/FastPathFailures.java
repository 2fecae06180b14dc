package dev.vedns.answer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queries on which the fast path failed and the general path answered instead. Such a failure is a defect
 * of the shortcut, not of the query: it is counted (for metrics) and logged with its cause at most once a
 * minute, so it shows without a flood of log lines under load.
 */
public final class FastPathFailures {

    private static final Logger LOG = LoggerFactory.getLogger(FastPathFailures.class);
    private static final long LOG_INTERVAL = TimeUnit.MINUTES.toNanos(1);

    private final LongSupplier nanoClock;
    private final LongAdder count = new LongAdder();
    private final AtomicLong nextLog;

    public FastPathFailures(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.nextLog = new AtomicLong(nanoClock.getAsLong());
    }

    /** Counts one failure; true when this one was logged. */
    boolean record(RuntimeException failure) {
        count.increment();
        long now = nanoClock.getAsLong();
        long due = nextLog.get();
        if (now - due < 0 || !nextLog.compareAndSet(due, now + LOG_INTERVAL)) {
            return false;
        }
        LOG.warn("The fast answer path failed ({} failure(s) so far, each answered by the general path; logged at"
                + " most once a minute)", count.sum(), failure);
        return true;
    }

    /** Failures since the start. */
    public long count() {
        return count.sum();
    }
}
