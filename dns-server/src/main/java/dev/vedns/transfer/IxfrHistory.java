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
import org.xbill.DNS.Type;

/**
 * The record-level differences of the last serials, for IXFR (RFC 1995): taken on the writer's thread right after
 * each change is published, from the names the compiler rebuilt, comparing them with the snapshot before.
 * Nothing of it is journaled: after a restart a secondary that is behind gets the whole zone once.
 */
public final class IxfrHistory implements ChangeObserver {

    /** What one serial changed: the records it deleted and added, between the two SOAs. */
    public record Delta(SOARecord from, SOARecord to, List<Record> deleted, List<Record> added) {
    }

    private final Supplier<ZoneSnapshot> zone;
    private final int keep;
    private ZoneSnapshot last;
    private volatile List<Delta> deltas = List.of();

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
        List<Delta> kept = new ArrayList<>(deltas);
        if (next.changed() == null) {
            kept.clear();
        } else {
            kept.add(difference(last, next));
            while (kept.size() > keep) {
                kept.remove(0);
            }
        }
        deltas = List.copyOf(kept);
        last = next;
    }

    @Override
    public void synced(long nanos) {
    }

    /** The differences from {@code serial} to the newest one, in order; null when that serial is not kept. */
    public List<Delta> since(long serial) {
        List<Delta> all = deltas;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).from().getSerial() == serial) {
                return all.subList(i, all.size());
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

    /** A name's records as a transfer holds them (a pool's first member), the SOA aside. */
    private static Set<Record> records(ZoneSnapshot zone, Name name) {
        Set<Record> records = new LinkedHashSet<>();
        ZoneNode node = zone.node(name);
        if (node != null) {
            for (Record record : node.alternatives().get(0).all()) {
                if (record.getType() != Type.SOA) {
                    records.add(record);
                }
            }
        }
        return records;
    }
}
