package dev.vedns.api;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Gives memory back to the system once a burst (a whole-state import, a start) is over. The JVM's defaults keep
 * what the heap once grew to: at 100,000 pairs 0.9–1.7 GB of RSS for a live heap of 225 MiB. These three flags
 * are manageable, so they are set here and apply to {@code java -jar} as to any launcher; a value the operator
 * gave on the command line is kept.
 */
final class HeapReturn {

    /**
     * G1 runs a concurrent cycle after this many milliseconds without one, and shrinks the heap to what
     * {@code MaxHeapFreeRatio} allows (JEP 346); the free-ratio pair keeps 10–20 % of the heap free.
     */
    private static final Map<String, String> FLAGS = Map.of("G1PeriodicGCInterval", "3000",
            "MinHeapFreeRatio", "10", "MaxHeapFreeRatio", "20");

    /** What G1 names the collections its periodic task starts. */
    private static final String PERIODIC = "G1 Periodic Collection";

    private HeapReturn() {
    }

    static void apply() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return;
        }
        // MinHeapFreeRatio may not exceed MaxHeapFreeRatio at any moment: lower the minimum first.
        boolean periodic = false;
        for (String flag : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
            try {
                VMOption option = hotspot.getVMOption(flag);
                if (option.isWriteable() && option.getOrigin() == VMOption.Origin.DEFAULT) {
                    hotspot.setVMOption(flag, FLAGS.get(flag));
                    periodic |= flag.equals("G1PeriodicGCInterval");
                }
            } catch (IllegalArgumentException notThisJvm) {
                // Another JVM or collector without the flag: its own defaults stand.
            }
        }
        if (periodic) {
            periodicUntilReturned(hotspot);
        }
    }

    /**
     * The periodic collections run only while they give memory back (see {@link Progress}). At rest they would
     * otherwise mark the whole zone every 3 s for nothing: 6 per cent of a core at 100,000 pairs, measured.
     */
    private static void periodicUntilReturned(HotSpotDiagnosticMXBean hotspot) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String interval = FLAGS.get("G1PeriodicGCInterval");
        Progress progress = new Progress();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                String cause = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcCause();
                boolean more = progress.worthAnother(PERIODIC.equals(cause), memory.getHeapMemoryUsage().getUsed());
                hotspot.setVMOption("G1PeriodicGCInterval", more ? interval : "0");
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    /**
     * Whether another periodic collection may give memory back, from what each collection leaves: a collection
     * that allocation started (a burst) says yes; a periodic one that leaves the heap within 3 per cent of the last
     * one gave nothing, and two of those in a row say no (one alone may only prepare the mixed collections that
     * reclaim the old regions). After an import of 100,000 pairs that took seven collections, 3 s apart.
     */
    static final class Progress {
        private static final double NO_GAIN = 0.97;
        private static final int ENOUGH = 2;
        private long lastPeriodic = Long.MAX_VALUE;
        private int withoutGain;

        boolean worthAnother(boolean periodic, long usedAfter) {
            withoutGain = periodic && usedAfter >= lastPeriodic * NO_GAIN ? withoutGain + 1 : 0;
            lastPeriodic = periodic ? usedAfter : Long.MAX_VALUE;
            return withoutGain < ENOUGH;
        }
    }
}
