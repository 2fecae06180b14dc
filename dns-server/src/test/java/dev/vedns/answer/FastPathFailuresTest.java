package dev.vedns.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A fast-path failure is counted every time and logged at most once a minute. */
class FastPathFailuresTest {

    @Test
    void everyFailureCountsAndOneAMinuteIsLogged() {
        AtomicLong now = new AtomicLong(123);
        FastPathFailures failures = new FastPathFailures(now::get);
        IllegalStateException bug = new IllegalStateException("a defect of the shortcut");

        assertTrue(failures.record(bug), "the first failure is logged at once");
        now.addAndGet(TimeUnit.SECONDS.toNanos(30));
        assertFalse(failures.record(bug));
        assertFalse(failures.record(bug));
        now.addAndGet(TimeUnit.SECONDS.toNanos(31));
        assertTrue(failures.record(bug), "a minute after the last log line, the next failure is logged");
        assertFalse(failures.record(bug));
        assertEquals(5, failures.count());
    }
}
