package io.encours.service.storage;

import java.time.Duration;

/**
 * How the embedded store gives back the space of superseded pages. Every commit writes new versions of the
 * pages it changes, so the file's chunks are left partly dead; a chunk keeps its space while one page of it is
 * live. Every {@code interval}, if less than {@code targetFillRate} % of the chunks' bytes are live, the live
 * pages of the emptiest chunks older than {@code retention} (about {@code rewritePerRun} bytes of them) are
 * written again with a commit of their own; H2 then reuses an emptied chunk's space a few commits later, once
 * no version still needed reads it (every command of the embedded server holds on to the version it started
 * at, see {@link EmbeddedBackend}). A commit waits while a pass runs (tens of milliseconds), so a pass is put
 * off while the store is busy, more than {@code busyCommitsPerSecond} commits a second since the last one,
 * unless less than half the target is live.
 *
 * @param interval       time between two passes; zero turns compaction off
 * @param targetFillRate the live share (per cent) under which a pass rewrites anything
 * @param rewritePerRun  bytes of live pages rewritten per pass at most: a commit waits while a pass runs
 * @param retention      chunks younger than this are left alone (MVStore's retention time, 45 s by default)
 * @param busyCommitsPerSecond above this commit rate a pass waits for a quieter moment (0: never waits)
 */
public record EmbeddedCompaction(Duration interval, int targetFillRate, long rewritePerRun, Duration retention,
                                 int busyCommitsPerSecond) {
    public static final EmbeddedCompaction OFF =
            new EmbeddedCompaction(Duration.ZERO, 0, 0, Duration.ofSeconds(45), 0);

    public EmbeddedCompaction {
        if (interval.isNegative() || retention.isNegative()) {
            throw new IllegalArgumentException("compaction interval and retention must not be negative");
        }
        if (targetFillRate < 0 || targetFillRate > 100) {
            throw new IllegalArgumentException("compaction target fill rate must be 0-100, not " + targetFillRate);
        }
        if (busyCommitsPerSecond < 0) {
            throw new IllegalArgumentException("compaction busy commit rate must not be negative");
        }
        if (rewritePerRun < 0 || rewritePerRun > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("compaction rewrite per run must be 0-2 GB, not " + rewritePerRun);
        }
    }

    /**
     * Whether a background pass should run now, given the commits since the last pass ({@code elapsedMillis}
     * ago) and the live share of the chunks.
     */
    boolean passDue(long commitsSinceLastPass, long elapsedMillis, int liveShare) {
        if (liveShare >= targetFillRate) {
            return false;
        }
        boolean busy = busyCommitsPerSecond > 0
                && commitsSinceLastPass * 1000 > (long) busyCommitsPerSecond * Math.max(1, elapsedMillis);
        return !busy || liveShare < targetFillRate / 2;
    }

    boolean enabled() {
        return !interval.isZero() && targetFillRate > 0 && rewritePerRun > 0;
    }
}
