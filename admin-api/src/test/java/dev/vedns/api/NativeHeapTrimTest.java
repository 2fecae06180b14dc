package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The C heap is trimmed after collections, at most once per interval and not during the start. */
class NativeHeapTrimTest {

    private static final long EVERY = NativeHeapTrim.EVERY_NANOS;

    @Test
    void collectionsTrimAtMostOncePerIntervalCountedFromTheStart() {
        NativeHeapTrim trim = new NativeHeapTrim(1_000);
        assertFalse(trim.due(1_000 + EVERY / 2), "a collection of the start");
        assertTrue(trim.due(1_000 + EVERY));
        assertFalse(trim.due(1_000 + EVERY + 1), "just trimmed");
        assertFalse(trim.due(1_000 + 2 * EVERY - 1));
        assertTrue(trim.due(1_000 + 2 * EVERY));
    }

    @Test
    void thisJvmTrimsWhenAsked() {
        assertTrue(NativeHeapTrim.trim(), "the JDK of this build has the command");
    }
}
