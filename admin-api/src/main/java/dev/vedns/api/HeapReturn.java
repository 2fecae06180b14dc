package dev.vedns.api;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Gives memory back to the system once a burst (a whole-state import, a start, a load of queries) is over. The
 * JVM's defaults keep what the heap once grew to: at 100,000 pairs 0.9–1.7 GB of RSS for a live heap of 225 MiB.
 * The flags used are manageable, so they are set here and apply to {@code java -jar} as to any launcher; a value
 * the operator gave on the command line is kept.
 */
final class HeapReturn {

    /** G1 runs a concurrent cycle after this many milliseconds without a collection (JEP 346). */
    private static final String INTERVAL = "3000";
    /**
     * The free share of the heap a cycle sizes it to, between the two: 10–20 % when allocation started it, 5–10 %
     * when the periodic task did, at rest. The JVM's own 40–70 % under load left 650 MiB of RSS after a load of
     * queries at 100,000 pairs instead of 465; 5–10 % at rest settles 15–20 MiB below 10–20 %.
     */
    private static final String[] UNDER_LOAD = {"10", "20"};
    private static final String[] AT_REST = {"5", "10"};
    /** What G1 names the collections its periodic task starts. */
    private static final String PERIODIC = "G1 Periodic Collection";

    private final HotSpotDiagnosticMXBean hotspot;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Progress progress = new Progress();
    /** False when the operator set either free ratio: then the JVM keeps them. */
    private final boolean sizes;

    private HeapReturn(HotSpotDiagnosticMXBean hotspot, boolean sizes) {
        this.hotspot = hotspot;
        this.sizes = sizes;
    }

    /** Both heaps given back after collections: the Java heap's size where the JVM lets it be set, the C heap's. */
    static void apply() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        HeapReturn heapReturn = of(hotspot);
        NativeHeapTrim trim = new NativeHeapTrim(System.nanoTime());
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                if (heapReturn != null) {
                    heapReturn.collected(GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData()).getGcCause());
                }
                trim.collected(System.nanoTime());
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    /** Null when this JVM has no periodic collections or the operator set their interval. */
    static HeapReturn of(HotSpotDiagnosticMXBean hotspot) {
        if (hotspot == null || !settable(hotspot, "G1PeriodicGCInterval")) {
            return null;
        }
        hotspot.setVMOption("G1PeriodicGCInterval", INTERVAL);
        HeapReturn heapReturn = new HeapReturn(hotspot,
                settable(hotspot, "MinHeapFreeRatio") && settable(hotspot, "MaxHeapFreeRatio"));
        heapReturn.freeRatios(UNDER_LOAD);
        return heapReturn;
    }

    private static boolean settable(HotSpotDiagnosticMXBean hotspot, String flag) {
        try {
            VMOption option = hotspot.getVMOption(flag);
            return option.isWriteable() && option.getOrigin() == VMOption.Origin.DEFAULT;
        } catch (IllegalArgumentException notThisJvm) {
            // Another JVM or collector without the flag: its own defaults stand.
            return false;
        }
    }

    private static String value(HotSpotDiagnosticMXBean hotspot, String flag) {
        return hotspot.getVMOption(flag).getValue();
    }

    /**
     * After each collection: the free ratios for the cycle it may start, and whether the periodic collections
     * go on. They run only while they give memory back (see {@link Progress}); at rest they would otherwise mark
     * the whole zone every 3 s for nothing: 6 per cent of a core at 100,000 pairs, measured.
     */
    void collected(String cause) {
        boolean periodic = PERIODIC.equals(cause);
        freeRatios(periodic ? AT_REST : UNDER_LOAD);
        boolean more = progress.worthAnother(periodic, memory.getHeapMemoryUsage().getUsed());
        hotspot.setVMOption("G1PeriodicGCInterval", more ? INTERVAL : "0");
    }

    /** MinHeapFreeRatio may not exceed MaxHeapFreeRatio at any moment: the order depends on the direction. */
    private void freeRatios(String[] minAndMax) {
        if (!sizes) {
            return;
        }
        String min = minAndMax[0];
        String max = minAndMax[1];
        if (Integer.parseInt(min) > Integer.parseInt(value(hotspot, "MaxHeapFreeRatio"))) {
            hotspot.setVMOption("MaxHeapFreeRatio", max);
            hotspot.setVMOption("MinHeapFreeRatio", min);
        } else {
            hotspot.setVMOption("MinHeapFreeRatio", min);
            hotspot.setVMOption("MaxHeapFreeRatio", max);
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
