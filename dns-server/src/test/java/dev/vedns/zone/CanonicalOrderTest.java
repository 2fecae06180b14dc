package dev.vedns.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** The keyed sort against dnsjava's own canonical comparison of the same names. */
class CanonicalOrderTest {

    private static final Name ZONE = Name.fromConstantString("pg.example.test.");

    @Test
    void namesSortAsDnsjavaComparesThemWithPrefixLabelsAndDeeperNamesAmongThem() throws Exception {
        Random random = new Random(20261203);
        String[] labels = {"a", "ab", "abc", "a-b", "b", "db-1", "db-10", "db-2", "writer", "reader", "custom", "z9", "0"};
        List<Name> names = new ArrayList<>(List.of(ZONE));
        for (int i = 0; i < 3000; i++) {
            StringBuilder relative = new StringBuilder(labels[random.nextInt(labels.length)]);
            for (int depth = random.nextInt(3); depth > 0; depth--) {
                relative.append('.').append(labels[random.nextInt(labels.length)]);
            }
            Name name = Name.fromString(relative.toString(), ZONE);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        Collections.shuffle(names, random);
        List<ZoneNode> nodes = names.stream().map(name -> new ZoneNode(name, List.of())).toList();

        List<Name> expected = new ArrayList<>(names);
        Collections.sort(expected);
        assertEquals(expected, CanonicalOrder.of(nodes).stream().map(ZoneNode::name).toList());
    }
}
