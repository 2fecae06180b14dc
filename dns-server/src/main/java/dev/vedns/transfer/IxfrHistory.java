package dev.vedns.transfer;

import dev.vedns.engine.ChangeObserver;
import dev.vedns.events.RoutingEvent;
import dev.vedns.zone.ZoneNode;
import dev.vedns.zone.ZoneSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * The record-level differences of the last serials, for IXFR (RFC 1995): taken on the writer's thread right after
 * each change is published, from the names the compiler rebuilt, comparing them with the snapshot before.
 * Nothing of it is journaled: after a restart a secondary that is behind gets the whole zone once.
 */
public final class IxfrHistory implements ChangeObserver {

    /** What one serial changed: the records it deleted and added, between the two SOAs. */
    public record Delta(SOARecord from, SOARecord to, List<Record> deleted, List<Record> added) {
    }

    /** One serial's difference and the next one, linked once it exists: appending copies nothing. */
    private static final class Link {
        private final Delta delta;
        private volatile Link next;

        private Link(Delta delta) {
            this.delta = delta;
        }
    }

    private final Supplier<ZoneSnapshot> zone;
    private final int keep;
    private ZoneSnapshot last;
    /** The oldest kept difference, or null; readers walk from it, the writer drops from its end. */
    private volatile Link oldest;
    private Link newest;
    private int linked;

    /** @param keep how many serials' differences to keep */
    public IxfrHistory(Supplier<ZoneSnapshot> zone, int keep) {
        this.zone = zone;
        this.keep = keep;
        this.last = zone.get();
    }

    @Override
    public void applied(RoutingEvent event, long decideNanos, long journalNanos, long publishNanos) {
        record();
    }

    /** Another instance's change is a difference a secondary of this one must be able to fetch too. */
    @Override
    public void followed(RoutingEvent event) {
        record();
    }

    private void record() {
        ZoneSnapshot next = zone.get();
        if (next.serial() == last.serial()) {
            return;
        }
        if (next.changed() == null || keep == 0) {
            oldest = null;
            newest = null;
            linked = 0;
        } else {
            Link link = new Link(difference(last, next));
            if (newest == null) {
                oldest = link;
            } else {
                newest.next = link;
            }
            newest = link;
            if (++linked > keep) {
                oldest = oldest.next;
                linked--;
            }
        }
        last = next;
    }

    @Override
    public void synced(long nanos) {
    }

    /**
     * The differences from {@code serial} up to {@code upTo}, in order; null when either is not kept. A newer
     * serial published meanwhile is left out, so the differences end where the caller's snapshot does.
     */
    public List<Delta> since(long serial, long upTo) {
        Link link = oldest;
        while (link != null && link.delta.from().getSerial() != serial) {
            link = link.next;
        }
        List<Delta> deltas = new ArrayList<>();
        for (; link != null; link = link.next) {
            deltas.add(link.delta);
            if (link.delta.to().getSerial() == upTo) {
                return deltas;
            }
        }
        return null;
    }

    private static Delta difference(ZoneSnapshot before, ZoneSnapshot after) {
        List<Record> deleted = new ArrayList<>();
        List<Record> added = new ArrayList<>();
        for (Name name : new LinkedHashSet<>(after.changed())) {
            Set<Record> old = records(before, name);
            Set<Record> now = records(after, name);
            old.stream().filter(record -> !now.contains(record)).forEach(deleted::add);
            now.stream().filter(record -> !old.contains(record)).forEach(added::add);
        }
        return new Delta(before.soa(), after.soa(), deleted, added);
    }

    private static Set<Record> records(ZoneSnapshot zone, Name name) {
        ZoneNode node = zone.node(name);
        return node == null ? new LinkedHashSet<>() : new LinkedHashSet<>(ZoneTransfers.transferred(node));
    }
}
