package dev.vedns.api;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Gives the C heap back after a collection, as {@link HeapReturn} does the Java heap: malloc keeps what it once
 * held, and the JIT's arenas alone peak near 30 MB while it compiles (native memory tracking at 10,000 pairs).
 * The JVM's own command does it (JDK 17.0.9 and later; on a JVM without it nothing is done); at most once per
 * {@link #EVERY_NANOS}, since each trim walks all of malloc's arenas.
 */
final class NativeHeapTrim {

    static final long EVERY_NANOS = 10_000_000_000L;
    private static final String COMMAND = "systemTrimNativeHeap";

    private long last;
    private boolean unavailable;

    /** Counted from {@code startNanos}: the start's own collections are left alone, its peak is not over yet. */
    NativeHeapTrim(long startNanos) {
        this.last = startNanos;
    }

    /** Whether a trim is due after a collection at {@code nanos}: one per interval at most. */
    boolean due(long nanos) {
        if (unavailable || nanos - last < EVERY_NANOS) {
            return false;
        }
        last = nanos;
        return true;
    }

    void collected(long nanos) {
        if (due(nanos)) {
            unavailable = !trim();
        }
    }

    /** Asks the JVM to trim; false when it has no such command. */
    static boolean trim() {
        try {
            // The platform MBean server is made here, by the first trim, and not at start.
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), COMMAND,
                    new Object[] {null}, new String[] {String[].class.getName()});
            return true;
        } catch (JMException | UnsupportedOperationException notThisJvm) {
            return false;
        }
    }
}
