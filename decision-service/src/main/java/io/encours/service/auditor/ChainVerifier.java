package io.encours.service.auditor;

import com.mongodb.client.MongoCursor;
import io.encours.service.audit.AuditChain;
import io.encours.service.audit.AuditReadStore;
import io.encours.service.retention.ChainAnchor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Walks the hash chain over a time range. The range selects the first and last chain numbers of the
 * records received in it (read once, on the time index); every record between them is then checked in chain order, whatever its time:
 * a number missing is a deleted record, a hash that does not match the content an altered record, a
 * {@code prevHash} that does not match the previous record's hash a broken link.
 *
 * <p>Once older records were pruned (docs/audit.md, "Retention and archiving"), the chain starts at the anchor's
 * first kept record, whose {@code prevHash} must be the anchor hash (the last pruned record's, as its archive
 * shows it); records below it (a prune cut short) are not part of the chain any more.
 */
final class ChainVerifier {
    static final int MAX_PROBLEMS = 1000;

    /** One finding. {@code kind}: MISSING, ALTERED, BROKEN_LINK or DUPLICATE_SEQ. */
    record Problem(String kind, long chainSeq, String decisionId, String previousDecisionId, String detail) {
    }

    /** {@code anchorSeq} and {@code anchorHash}: where the chain starts after a prune (null before any). */
    record Report(Instant from, Instant to, boolean valid, long firstSeq, long lastSeq, long checked,
                  String lastHash, long unchainedRecords, Problem firstProblem, List<Problem> problems,
                  boolean problemsTruncated, Long anchorSeq, String anchorHash) {
    }

    private final AuditReadStore decisions;
    private final Supplier<Optional<ChainAnchor>> anchors;

    ChainVerifier(AuditReadStore decisions, Supplier<Optional<ChainAnchor>> anchors) {
        this.decisions = decisions;
        this.anchors = anchors;
    }

    Report verify(Instant from, Instant to) {
        ChainAnchor anchor = anchors.get().orElse(null);
        long start = anchor == null ? 1 : anchor.firstSeq();
        Long anchorSeq = anchor == null ? null : anchor.firstSeq();
        String anchorHash = anchor == null ? null : anchor.anchorHash();
        Bounds bounds = from == null && to == null ? wholeChain(start) : bounds(from, to, start);
        long unchained = bounds.unchained();
        Document first = bounds.first();
        Document last = bounds.last();
        List<Problem> problems = new ArrayList<>();
        if (first == null) {
            return new Report(from, to, true, 0, 0, 0, null, unchained, null, problems, false, anchorSeq, anchorHash);
        }
        long firstSeq = seq(first);
        // With no start time, the chain is checked from its very first (kept) record.
        long expected = from == null ? start : firstSeq;
        long lastSeq = seq(last);
        String previousHash = null;
        String previousId = null;
        if (expected == start) {
            previousHash = anchor == null ? AuditChain.GENESIS : anchor.anchorHash();
        } else {
            Document before = decisions.chainHashAt(expected - 1);
            if (before == null) {
                add(problems, new Problem("MISSING", expected - 1, null, null,
                        "record " + (expected - 1) + ", just before the range, is missing"));
            } else {
                previousHash = before.getString(AuditChain.HASH);
                previousId = before.getString("_id");
            }
        }
        long checked = 0;
        String lastHash = null;
        try (MongoCursor<Document> records = decisions.chain(expected, lastSeq)) {
            while (records.hasNext()) {
                Document record = records.next();
                long seq = seq(record);
                String id = record.getString("_id");
                String storedHash = record.getString(AuditChain.HASH);
                checked++;
                if (seq < expected) {
                    add(problems, new Problem("DUPLICATE_SEQ", seq, id, previousId,
                            "chain number " + seq + " is used twice"));
                } else if (seq > expected) {
                    add(problems, new Problem("MISSING", expected, id, previousId, seq - expected == 1
                            ? "record " + expected + " is missing"
                            : "records " + expected + " to " + (seq - 1) + " are missing"));
                } else if (previousHash != null && !previousHash.equals(record.getString(AuditChain.PREV_HASH))) {
                    add(problems, new Problem("BROKEN_LINK", seq, id, previousId,
                            "prevHash does not match the hash of record " + (seq - 1)));
                }
                if (!Objects.equals(storedHash, AuditChain.hashOf(record))) {
                    add(problems, new Problem("ALTERED", seq, id, previousId,
                            "the content does not match the record's hash"));
                }
                previousHash = storedHash;
                previousId = id;
                lastHash = storedHash;
                expected = Math.max(expected, seq + 1);
            }
        }
        boolean truncated = problems.size() > MAX_PROBLEMS;
        List<Problem> shown = truncated ? problems.subList(0, MAX_PROBLEMS) : problems;
        return new Report(from, to, problems.isEmpty(), from == null ? start : firstSeq, lastSeq, checked, lastHash,
                unchained, problems.isEmpty() ? null : problems.get(0), List.copyOf(shown), truncated, anchorSeq,
                anchorHash);
    }

    /** The first and last chained records of a selection (null when none), and how many of it have no number. */
    private record Bounds(Document first, Document last, long unchained) {
    }

    /** The whole chain: its ends are found on the chain-number index, one record each. */
    private Bounds wholeChain(long start) {
        Document first = decisions.chainEnd(start, false);
        Document last = decisions.chainEnd(start, true);
        return new Bounds(first, last, decisions.unchained());
    }

    /**
     * A time range: its records read once, on the time index, for their lowest and highest chain numbers. (Sorting
     * the range by chain number with a limit would walk the chain index from its start to the range.)
     */
    private Bounds bounds(Instant from, Instant to, long start) {
        Document first = null;
        Document last = null;
        long unchained = 0;
        try (MongoCursor<Document> records = decisions.chainNumbersReceived(from, to)) {
            while (records.hasNext()) {
                Document record = records.next();
                if (!(record.get(AuditChain.SEQ) instanceof Number)) {
                    unchained++;
                    continue;
                }
                long seq = seq(record);
                if (seq < start) {
                    continue;
                }
                if (first == null || seq < seq(first)) {
                    first = record;
                }
                if (last == null || seq > seq(last)) {
                    last = record;
                }
            }
        }
        return new Bounds(first, last, unchained);
    }

    private static void add(List<Problem> problems, Problem problem) {
        if (problems.size() <= MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static long seq(Document d) {
        return ((Number) d.get(AuditChain.SEQ)).longValue();
    }
}
