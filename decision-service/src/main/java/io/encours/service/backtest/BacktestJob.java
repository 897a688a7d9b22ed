package io.encours.service.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A back-test as stored and shown: which version, which file, by whom, where it stands and, once DONE, its
 * report (the shape of {@link io.encours.rules.backtest.BacktestReport}).
 *
 * @param version    the policy version back-tested
 * @param policyHash the content hash of that version's sources when the back-test started
 * @param fileName   the uploaded file's name (null for a text/csv body)
 * @param asOf       decision date of the rows without an {@code asOf} column or value
 * @param error      why a FAILED back-test failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BacktestJob(
        String id,
        int version,
        String policyHash,
        String fileName,
        String asOf,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        Status status,
        Progress progress,
        JsonNode report,
        String error) {

    enum Status { RUNNING, DONE, FAILED }

    /** Data rows read (used or rejected) out of the file's data lines. */
    record Progress(int percent, long processed, long total) {
        static Progress of(long processed, long total) {
            int percent = total == 0 ? 100 : (int) Math.min(100, processed * 100 / total);
            return new Progress(percent, processed, total);
        }
    }
}
