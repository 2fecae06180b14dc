package dev.vedns.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The table changed in place, segment by segment, must hold exactly what a map of the same puts and removes
 * holds, with dozens of names per segment so that runs of probed slots form and removals inside them happen;
 * and a table once made never changes, since queries may still be reading it.
 */
class NameTableTest {

    private static final int NAMES = 40_000;
    private static final Name[] NAMED = new Name[NAMES];

    static {
        try {
            for (int i = 0; i < NAMES; i++) {
                NAMED[i] = Name.fromString("db-" + i + ".Reader.postgres.internal.");
            }
        } catch (TextParseException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    @Test
    void everyChangedTableHoldsWhatAMapOfTheSameChangesHolds() {
        Random random = new Random(19);
        List<ZoneNode> initial = new ArrayList<>();
        Map<Name, ZoneNode> expected = new HashMap<>();
        for (int i = 0; i < NAMES; i += 2) {
            ZoneNode node = node(i);
            initial.add(node);
            expected.put(node.name(), node);
        }
        NameTable table = new NameTable(initial);
        for (int step = 0; step < 60; step++) {
            List<ZoneNode> puts = new ArrayList<>();
            List<Name> removes = new ArrayList<>();
            for (int change = random.nextInt(400); change >= 0; change--) {
                int i = random.nextInt(NAMES);
                if (random.nextBoolean()) {
                    puts.add(node(i));
                } else {
                    removes.add(NAMED[i]);
                }
            }
            Map<Name, ZoneNode> before = new HashMap<>(expected);
            puts.forEach(node -> expected.put(node.name(), node));
            removes.forEach(expected::remove);
            NameTable changed = table.with(puts, removes);
            assertHolds(expected, changed, "after step " + step);
            assertHolds(before, table, "the table before step " + step);
            table = changed;
        }
    }

    private static void assertHolds(Map<Name, ZoneNode> expected, NameTable table, String when) {
        assertEquals(expected.size(), table.size(), "size " + when);
        assertEquals(expected.size(), table.nodes().size(), "nodes " + when);
        for (int i = 0; i < NAMES; i++) {
            Name name = NAMED[i];
            ZoneNode node = expected.get(name);
            if (node == null) {
                assertNull(table.get(name), name + " " + when);
            } else {
                assertSame(node, table.get(name), name + " " + when);
            }
        }
    }

    private static ZoneNode node(int i) {
        return new ZoneNode(NAMED[i], List.of());
    }
}
