package io.encours.service.storage;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Keeps the embedded store's commits between write commands, never in the middle of one. The embedded server
 * applies an insert to the unique indexes first and to the documents next, each a separate map of the
 * MVStore; a commit taken between the two would, after a crash, leave a request id indexed with no record
 * behind it. Every write command the embedded server receives passes through {@link #enter()} and
 * {@link #leave()} ({@link EmbeddedBackend}), and a commit waits until none is in flight while holding new
 * ones back. (A command listener on the client did the same from the other side, but the driver then builds every
 * command and reply for its events: 0.7 ms of CPU more per order check, measured with bench/load-test.sh.)
 */
final class WriteGate {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify",
            "createIndexes", "dropIndexes", "create", "drop", "dropDatabase", "renameCollection", "bulkWrite");

    private int inFlight;
    private boolean committing;

    /** A write command starts; waits while a commit runs. Not interruptible: every enter has its leave. */
    synchronized void enter() {
        awaitWhile(() -> committing);
        inFlight++;
    }

    synchronized void leave() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /** Runs {@code commit} with no write command in flight; commits from several threads take turns. */
    void exclusively(Runnable commit) {
        synchronized (this) {
            awaitWhile(() -> committing);
            // From here new write commands wait, so the ones in flight drain.
            committing = true;
            awaitWhile(() -> inFlight > 0);
        }
        try {
            commit.run();
        } finally {
            synchronized (this) {
                committing = false;
                notifyAll();
            }
        }
    }

    /** Waits on this gate's monitor (held by the caller) until the condition is false; an interrupt is kept for later. */
    private void awaitWhile(BooleanSupplier condition) {
        boolean interrupted = false;
        while (condition.getAsBoolean()) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isWrite(String commandName) {
        return WRITES.contains(commandName);
    }
}
