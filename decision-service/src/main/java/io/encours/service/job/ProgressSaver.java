package io.encours.service.job;

import java.time.Duration;

/**
 * When a job saves its progress: about once a period (readers poll it, and the save is the heartbeat that
 * tells a running job from an abandoned one), the first save possibly sooner. Used by the job thread only.
 */
public final class ProgressSaver {
    private final long periodNanos;
    private long last = System.nanoTime();
    private boolean saved;

    public ProgressSaver(Duration period) {
        this.periodNanos = period.toNanos();
    }

    /**
     * Runs {@code save} when the period has passed since the last save (or the start), or, before the
     * first save, as soon as {@code firstReady}.
     */
    public void saveIfDue(boolean firstReady, Runnable save) {
        long now = System.nanoTime();
        if (now - last >= periodNanos || (!saved && firstReady)) {
            saved = true;
            last = now;
            save.run();
        }
    }
}
