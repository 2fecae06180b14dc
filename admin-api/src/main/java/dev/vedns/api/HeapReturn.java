package dev.vedns.api;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Map;

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

    private HeapReturn() {
    }

    static void apply() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return;
        }
        // MinHeapFreeRatio may not exceed MaxHeapFreeRatio at any moment: lower the minimum first.
        for (String flag : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
            try {
                VMOption option = hotspot.getVMOption(flag);
                if (option.isWriteable() && option.getOrigin() == VMOption.Origin.DEFAULT) {
                    hotspot.setVMOption(flag, FLAGS.get(flag));
                }
            } catch (IllegalArgumentException notThisJvm) {
                // Another JVM or collector without the flag: its own defaults stand.
            }
        }
    }
}
