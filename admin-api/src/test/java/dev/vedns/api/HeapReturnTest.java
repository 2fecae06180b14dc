package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The JVM is told to give unused heap back: collections size the heap to keep 10–20 % free, and 5–10 % when the
 * periodic task started them, at rest; and the periodic collections stop once they give nothing more back.
 */
class HeapReturnTest {

    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void theHeapIsSizedTightlyOnlyByTheCollectionsAtRest() {
        HeapReturn heapReturn = HeapReturn.of(hotspot);
        try {
            assertEquals("3000", hotspot.getVMOption("G1PeriodicGCInterval").getValue());
            assertEquals("10", hotspot.getVMOption("MinHeapFreeRatio").getValue());
            assertEquals("20", hotspot.getVMOption("MaxHeapFreeRatio").getValue());
            heapReturn.collected("G1 Periodic Collection");
            assertEquals("5", hotspot.getVMOption("MinHeapFreeRatio").getValue());
            assertEquals("10", hotspot.getVMOption("MaxHeapFreeRatio").getValue());
            heapReturn.collected("G1 Evacuation Pause");
            assertEquals("10", hotspot.getVMOption("MinHeapFreeRatio").getValue(), "allocation again");
            assertEquals("20", hotspot.getVMOption("MaxHeapFreeRatio").getValue(), "allocation again");
        } finally {
            hotspot.setVMOption("G1PeriodicGCInterval", "0");
        }
    }

    /** The sequence G1 went through after an import of 100,000 pairs (MiB used after each collection). */
    @Test
    void periodicCollectionsStopOnceTwoInARowGiveNothingBack() {
        HeapReturn.Progress progress = new HeapReturn.Progress();
        assertTrue(progress.worthAnother(false, 325), "a burst");
        assertTrue(progress.worthAnother(true, 343), "the first periodic one");
        assertTrue(progress.worthAnother(true, 341), "no gain once: it may only prepare the mixed ones");
        assertTrue(progress.worthAnother(true, 308));
        assertTrue(progress.worthAnother(true, 267));
        assertTrue(progress.worthAnother(true, 246));
        assertTrue(progress.worthAnother(true, 246), "no gain once");
        assertFalse(progress.worthAnother(true, 242), "no gain twice: nothing more to give");
        assertTrue(progress.worthAnother(false, 300), "allocation again: another burst to give back");
        assertTrue(progress.worthAnother(true, 250));
    }
}
