package dev.vedns.cli;

import java.io.IOException;

/** The "are you sure" of a delete, skipped with {@code --yes}; anything but y or yes, or no terminal, declines. */
final class Confirmation {

    private Confirmation() {
    }

    static void require(CliIo io, boolean yes, String what) {
        if (yes) {
            return;
        }
        io.err().print("Are you sure you want to delete " + what + "? (y/n): ");
        io.err().flush();
        String answer;
        try {
            answer = io.in().readLine();
        } catch (IOException unreadable) {
            answer = null;
        }
        if (answer == null) {
            io.err().println();
        }
        if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            throw CliFailure.usage("nothing deleted: answer y, or pass --yes");
        }
    }
}
