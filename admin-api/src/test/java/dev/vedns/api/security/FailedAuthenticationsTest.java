package dev.vedns.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every refused authentication counts; each client address is logged at most once a second, the reason only. */
class FailedAuthenticationsTest {

    @Test
    void eachAddressIsLoggedOnceASecondAndEveryRefusalCounts() {
        Logger logger = (Logger) LoggerFactory.getLogger(FailedAuthentications.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            AtomicLong now = new AtomicLong(5);
            FailedAuthentications failures = new FailedAuthentications(now::get);
            failures.record("192.0.2.1", "no token");
            failures.record("192.0.2.1", "no token");
            failures.record("192.0.2.2", "unknown token");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
            failures.record("192.0.2.1", "no token");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2));
            failures.record("192.0.2.1", "no token");

            assertEquals(5, failures.count());
            assertEquals(3, log.list.size(), log.list.toString());
            assertTrue(log.list.get(0).getFormattedMessage().startsWith("Refused a request from 192.0.2.1: no token"));
            assertTrue(log.list.get(1).getFormattedMessage().startsWith("Refused a request from 192.0.2.2"));
        } finally {
            logger.detachAppender(log);
        }
    }
}
