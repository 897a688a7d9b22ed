package io.encours.service.storage;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Set;

/**
 * Keeps the embedded store's commits between write commands, never in the middle of one. The embedded server
 * applies an insert to the unique indexes first and to the documents next, each a separate map of the
 * MVStore; a commit taken between the two would, after a crash, leave a request id indexed with no record
 * behind it. Every write command the service's MongoDB client sends passes through {@link #enter()} and
 * {@link #leave()} (a {@link CommandListener} on the client, called on the sending thread), and a commit
 * waits until none is in flight while holding new ones back.
 */
final class WriteGate implements CommandListener {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify",
            "createIndexes", "dropIndexes", "create", "drop", "dropDatabase", "renameCollection", "bulkWrite");

    private int inFlight;
    private boolean committing;

    /** A write command starts; waits while a commit runs. Not interruptible: every enter has its leave. */
    synchronized void enter() {
        boolean interrupted = false;
        while (committing) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        inFlight++;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
            boolean interrupted = false;
            while (committing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            // From here new write commands wait, so the ones in flight drain.
            committing = true;
            while (inFlight > 0) {
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
        try {
            commit.run();
        } finally {
            synchronized (this) {
                committing = false;
                notifyAll();
            }
        }
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            enter();
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            leave();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            leave();
        }
    }
}
