package dev.vedns.api.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A zone file as vedns exports it holds a pooled reader's first member as its CNAME and the others as
 * {@code ; in turn: } comments. These are the files with, for the i-th of them, each pool's i-th member in
 * place: what a server without pools would hold for each member in turn.
 */
final class ZoneVariants {

    private static final String IN_TURN = "; in turn: ";

    private ZoneVariants() {
    }

    static List<String> oneMemberEach(String zoneFile) {
        String[] lines = zoneFile.split("\n");
        int most = 0;
        for (int i = 0; i < lines.length; i++) {
            int run = 0;
            while (i + 1 + run < lines.length && lines[i + 1 + run].startsWith(IN_TURN)) {
                run++;
            }
            most = Math.max(most, run);
        }
        List<String> variants = new ArrayList<>();
        for (int member = 0; member <= most; member++) {
            variants.add(variant(lines, member));
        }
        return variants;
    }

    /** The file with each pool's record replaced by its {@code member}-th (0: as exported), comments dropped. */
    private static String variant(String[] lines, int member) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(IN_TURN)) {
                continue;
            }
            List<String> alternatives = new ArrayList<>(List.of(lines[i]));
            for (int next = i + 1; next < lines.length && lines[next].startsWith(IN_TURN); next++) {
                alternatives.add(lines[next].substring(IN_TURN.length()));
            }
            out.append(alternatives.get(Math.min(member, alternatives.size() - 1))).append('\n');
        }
        return out.toString();
    }
}
