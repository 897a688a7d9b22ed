package io.encours.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A commit of the embedded store never lands in the middle of a write command. */
class WriteGateTest {

    @Test
    void a_commit_waits_for_the_write_in_flight_and_holds_back_the_next_one() throws Exception {
        WriteGate gate = new WriteGate();
        AtomicBoolean committed = new AtomicBoolean();
        AtomicBoolean secondWriteIn = new AtomicBoolean();
        AtomicBoolean secondWriteHeldBack = new AtomicBoolean();
        gate.enter();

        Thread commit = new Thread(() -> gate.exclusively(() -> {
            committed.set(true);
            // While the commit runs, a new write waits at the gate.
            Thread write = new Thread(() -> {
                gate.enter();
                secondWriteIn.set(true);
                gate.leave();
            });
            write.start();
            waitUntilWaiting(write);
            secondWriteHeldBack.set(!secondWriteIn.get());
        }));
        commit.start();
        waitUntilWaiting(commit);
        assertThat(committed).as("committed while a write was in flight").isFalse();

        gate.leave();
        commit.join();
        assertThat(committed).isTrue();
        assertThat(secondWriteHeldBack).as("a write started during the commit waited for it").isTrue();
        // The held-back write goes on once the commit is done.
        while (!secondWriteIn.get()) {
            Thread.onSpinWait();
        }
    }

    private static void waitUntilWaiting(Thread thread) {
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
    }
}
