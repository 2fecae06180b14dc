package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The JVM is told to give unused heap back: the three manageable flags are set where they were defaults. */
class HeapReturnTest {

    @Test
    void theHeapIsReturnedAfterABurst() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        HeapReturn.apply();
        assertEquals("10", hotspot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("20", hotspot.getVMOption("MaxHeapFreeRatio").getValue());
        assertEquals("3000", hotspot.getVMOption("G1PeriodicGCInterval").getValue());
    }
}
