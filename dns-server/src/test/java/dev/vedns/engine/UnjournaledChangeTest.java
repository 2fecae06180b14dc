package dev.vedns.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vedns.Fleet;
import dev.vedns.routing.RoutingRules;
import dev.vedns.storage.StorageException;
import dev.vedns.zone.ZoneSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * A change is published only once journaled, whether its snapshot is compiled after the journal (a small change)
 * or while it is written (an import).
 */
class UnjournaledChangeTest {

    private static final Name WRITER = Name.fromConstantString("db-1499.writer.postgres.internal.");

    /** A journal whose next append fails as a full disk would. */
    private static final class FailingJournal implements ChangeLog {
        boolean failNext;
        int appended;

        @Override
        public long append(JournalRecord record, long revision) {
            if (failNext) {
                failNext = false;
                throw new StorageException("The journal could not be written.", new IOException("No space left on device"));
            }
            appended++;
            return revision + 1;
        }

        @Override
        public void checkpoint(DurableState state) {
        }
    }

    @Test
    void anImportThatCannotBeJournaledLeavesDnsAsItWasAndTheSameImportAgainIsPublished() {
        FailingJournal journal = new FailingJournal();
        RoutingEngine engine = new RoutingEngine(Fleet.settings(), new Loaded(DurableState.fresh(Fleet.FIRST_SERIAL), 0),
                Fleet.RETAIN, journal, 1000, RoutingRules.CUSTOM_ENDPOINTS_PER_SET);
        ZoneSnapshot before = engine.get();

        journal.failNext = true;
        assertThrows(StorageException.class, () -> engine.apply(Fleet.imported(1500)));
        assertSame(before, engine.get(), "DNS answers from the snapshot it had");
        assertEquals(0, engine.table().serverCount());
        assertNull(engine.get().node(WRITER));

        engine.apply(Fleet.imported(1500));
        assertEquals(1, journal.appended);
        assertEquals(3000, engine.table().serverCount());
        assertNotNull(engine.get().node(WRITER), "visible in DNS when apply returns");
    }
}
