package io.encours.service.auditor;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.encours.service.audit.AuditChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Walks the hash chain over a time range. The range selects the first and last chain numbers of the
 * records received in it; every record between them is then checked in chain order, whatever its time:
 * a number missing is a deleted record, a hash that does not match the content an altered record, a
 * {@code prevHash} that does not match the previous record's hash a broken link.
 */
final class ChainVerifier {
    static final int MAX_PROBLEMS = 1000;

    /** One finding. {@code kind}: MISSING, ALTERED, BROKEN_LINK or DUPLICATE_SEQ. */
    record Problem(String kind, long chainSeq, String decisionId, String previousDecisionId, String detail) {
    }

    record Report(Instant from, Instant to, boolean valid, long firstSeq, long lastSeq, long checked,
                  String lastHash, long unchainedRecords, Problem firstProblem, List<Problem> problems,
                  boolean problemsTruncated) {
    }

    private final MongoCollection<Document> decisions;

    ChainVerifier(MongoCollection<Document> decisions) {
        this.decisions = decisions;
    }

    Report verify(Instant from, Instant to) {
        Bson inRange = timeRange(from, to);
        Bson chained = Filters.and(inRange, Filters.exists(AuditChain.SEQ));
        long unchained = decisions.countDocuments(Filters.and(inRange, Filters.exists(AuditChain.SEQ, false)));
        Document first = decisions.find(chained).projection(Projections.include(AuditChain.SEQ))
                .sort(Sorts.ascending(AuditChain.SEQ)).limit(1).first();
        Document last = decisions.find(chained).projection(Projections.include(AuditChain.SEQ))
                .sort(Sorts.descending(AuditChain.SEQ)).limit(1).first();
        List<Problem> problems = new ArrayList<>();
        if (first == null) {
            return new Report(from, to, true, 0, 0, 0, null, unchained, null, problems, false);
        }
        long firstSeq = seq(first);
        // With no start time, the chain is checked from its very first record.
        long expected = from == null ? 1 : firstSeq;
        long lastSeq = seq(last);
        String previousHash = null;
        String previousId = null;
        if (expected == 1) {
            previousHash = AuditChain.GENESIS;
        } else {
            Document before = decisions.find(Filters.eq(AuditChain.SEQ, expected - 1))
                    .projection(Projections.include(AuditChain.HASH)).first();
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
        Bson walk = Filters.and(Filters.gte(AuditChain.SEQ, expected), Filters.lte(AuditChain.SEQ, lastSeq));
        try (MongoCursor<Document> records = decisions.find(walk).sort(Sorts.ascending(AuditChain.SEQ))
                .batchSize(500).iterator()) {
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
        return new Report(from, to, problems.isEmpty(), from == null ? 1 : firstSeq, lastSeq, checked, lastHash,
                unchained, problems.isEmpty() ? null : problems.get(0), List.copyOf(shown), truncated);
    }

    private static void add(List<Problem> problems, Problem problem) {
        if (problems.size() <= MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static Bson timeRange(Instant from, Instant to) {
        List<Bson> all = new ArrayList<>();
        if (from != null) {
            all.add(Filters.gte("receivedAt", Date.from(from)));
        }
        if (to != null) {
            all.add(Filters.lt("receivedAt", Date.from(to)));
        }
        return all.isEmpty() ? Filters.empty() : Filters.and(all);
    }

    private static long seq(Document d) {
        return ((Number) d.get(AuditChain.SEQ)).longValue();
    }
}
