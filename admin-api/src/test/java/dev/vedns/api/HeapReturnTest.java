package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The JVM is told to give unused heap back: the three manageable flags are set where they were defaults, and the
 * periodic collections stop once they give nothing more back.
 */
class HeapReturnTest {

    @Test
    void theHeapIsReturnedAfterABurst() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        HeapReturn.apply();
        assertEquals("10", hotspot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("20", hotspot.getVMOption("MaxHeapFreeRatio").getValue());
        assertEquals("3000", hotspot.getVMOption("G1PeriodicGCInterval").getValue());
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
