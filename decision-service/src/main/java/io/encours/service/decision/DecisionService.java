package io.encours.service.decision;

import io.encours.rules.decision.Evaluation;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import io.encours.service.audit.AuditUnavailableException;
import io.encours.service.audit.CheckedRecord;
import io.encours.service.audit.DecisionIds;
import io.encours.service.audit.DuplicateRequestException;
import io.encours.service.hold.CreditHolds;
import io.encours.service.ledger.ApprovedOrderCheck;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.web.FieldProblem;
import io.encours.service.web.Problems;
import io.encours.service.web.RequestContext;
import io.encours.service.web.WebProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a decision: checks the request against the policy in force, evaluates it, records it durably and
 * only then hands it back. A request id already recorded with the same request returns the recorded
 * decision; with a different request it is a conflict.
 */
@Service
class DecisionService {
    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    /** A recorded decision and whether it was recorded by an earlier request with the same request id. */
    record Decided(AuditRecord record, boolean replayed) {
    }

    /** Who asked and when: what the HTTP layer knows before the body. */
    record Call(String requestId, String caller, RequestContext.Arrival arrival) {
    }

    private final ActivePolicy activePolicy;
    private final AuditTrail auditTrail;
    private final DecisionIds decisionIds;
    private final DecisionMetrics metrics;
    private final JsonMapper canonicalJson;
    private final Clock businessClock;
    private final CreditHolds holds;
    private final DecisionProperties settings;
    private final ReferenceFacts referenceFacts;
    private final Clock clock;
    private final Semaphore computing = new Semaphore(Runtime.getRuntime().availableProcessors());

    DecisionService(ActivePolicy activePolicy, AuditTrail auditTrail, DecisionIds decisionIds,
                    DecisionMetrics metrics, JsonMapper json, Clock clock, WebProperties web, CreditHolds holds,
                    DecisionProperties settings, ReferenceFacts referenceFacts) {
        this.activePolicy = activePolicy;
        this.auditTrail = auditTrail;
        this.decisionIds = decisionIds;
        this.metrics = metrics;
        // The request's canonical text, hashed for idempotency and kept in the record: the API's JSON with
        // non-ASCII characters escaped (the MongoDB driver writes ASCII strings several times faster).
        this.canonicalJson = json.rebuild().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        this.businessClock = clock.withZone(web.timeZone());
        this.holds = holds;
        this.settings = settings;
        this.referenceFacts = referenceFacts;
        this.clock = clock;
    }

    Decided decide(DecisionBody body, Call call) {
        if (body instanceof OrderCheckBody check && check.customerId() != null) {
            return decideByReference(check, call);
        }
        CompiledPolicy policy = activePolicy.current();
        List<FieldProblem> problems = body.problems(policy);
        LocalDate today = LocalDate.now(businessClock);
        settings.asOfProblem(body.asOf(), today).ifPresent(reason -> problems.add(new FieldProblem("asOf", reason)));
        LocalDate asOf = body.asOf() != null ? body.asOf() : today;
        DecisionRequest request = RequestFacts.checked(body, asOf, problems, "");
        String decisionId = decisionIds.next();
        String requestId = call.requestId() != null ? call.requestId() : decisionId;
        MDC.put(RequestContext.MDC_DECISION_ID, decisionId);
        MDC.put(RequestContext.MDC_REQUEST_ID, requestId);

        // At most as many decisions compute at once as there are cores: the others wait parked instead of
        // queueing for a core beside the audit writer and the store's thread, which every decision waits on.
        ComputeSlot slot = ComputeSlot.take(computing);
        AuditRecord record;
        try {
            String input = canonicalJson.writeValueAsString(body);
            String payloadHash = payloadHash(body, input);
            Evaluation evaluation = policy.evaluate(request);
            long totalNanos = System.nanoTime() - call.arrival().nanos();
            record = new AuditRecord(decisionId, body.type(), requestId, payloadHash, call.caller(),
                    call.arrival().at(), asOf, body.customer().id(), body.subject(),
                    evaluation.result().outcome(), body.amount(), policy.manifest().currency(), evaluation.policy(),
                    input, evaluation.result(), evaluation.evaluationNanos(), totalNanos);
            try {
                auditTrail.record(record, slot::release);
            } catch (DuplicateRequestException e) {
                return replay(body, call.caller(), requestId, payloadHash);
            } catch (AuditUnavailableException e) {
                throw Problems.auditUnavailable(e);
            }
        } finally {
            slot.release();
        }
        return answered(record, call);
    }

    private Decided answered(AuditRecord record, Call call) {
        // A held order (REVIEW, BLOCK) is answered only once its credit hold is durable too.
        holds.openFor(record);
        long answeredNanos = System.nanoTime() - call.arrival().nanos();
        metrics.decided(record.type(), record.outcome(), answeredNanos);
        log.info("decision recorded type={} outcome={} policyVersion={} evaluationMicros={} totalMicros={}",
                record.type(), record.outcome(), record.policy().version(), record.evaluationNanos() / 1000,
                answeredNanos / 1000);
        return new Decided(record, false);
    }

    /**
     * An order check that names only the customer: its facts are read from the account and the ledger position,
     * evaluated, and an APPROVE reserves the order's amount against the position's version. When the position
     * moved in between (another order, an ERP event, another instance), the check reads and decides again; after
     * the policy's number of attempts it fails closed (REVIEW). The record keeps the facts and the version they
     * were read at; its payload hash is the request's as received, so a retry with the same key is recognised
     * whatever the ledger did since.
     */
    private Decided decideByReference(OrderCheckBody received, Call call) {
        CompiledPolicy policy = activePolicy.current();
        List<FieldProblem> problems = received.problems(policy);
        LocalDate today = LocalDate.now(businessClock);
        settings.asOfProblem(received.asOf(), today).ifPresent(reason -> problems.add(new FieldProblem("asOf", reason)));
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
        LocalDate asOf = received.asOf() != null ? received.asOf() : today;
        String decisionId = decisionIds.next();
        String requestId = call.requestId() != null ? call.requestId() : decisionId;
        MDC.put(RequestContext.MDC_DECISION_ID, decisionId);
        MDC.put(RequestContext.MDC_REQUEST_ID, requestId);
        String payloadHash = payloadHash(received, canonicalJson.writeValueAsString(received));
        if (call.requestId() != null && auditTrail.findByRequestId(call.caller(), requestId).isPresent()) {
            // A retry: answered from the record, without reserving the order a second time.
            return replay(received, call.caller(), requestId, payloadHash);
        }

        ReservationTerms terms = ReservationTerms.of(policy, clock.instant());
        OrderCheckBody filled = null;
        Evaluation evaluation = null;
        boolean contended = true;
        for (int attempt = 1; attempt <= terms.attempts() && contended; attempt++) {
            ReferenceFacts.Read read = referenceFacts.read(received.customerId(), asOf);
            filled = read.fill(received, asOf);
            List<FieldProblem> factProblems = DecisionBody.none();
            filled.customer().checkCodes(factProblems, "customer", policy.vocabulary());
            if (!factProblems.isEmpty()) {
                // The account holds a code the policy in force does not know: named as the account's field.
                throw Problems.invalidFields(factProblems);
            }
            // A fact of the account the model refuses is named as the body's field it fills
            DecisionRequest request = RequestFacts.checked(filled, asOf, DecisionBody.none(), "");
            ComputeSlot slot = ComputeSlot.take(computing);
            try {
                evaluation = policy.evaluate(request);
            } finally {
                slot.release();
            }
            LedgerPositionInput position = filled.ledgerPosition();
            if (!ReservationTerms.APPROVE.equals(evaluation.result().outcome())) {
                filled = filled.filled(filled.customer(), filled.exposure(), position.reserved(attempt, null));
                contended = false;
            } else if (referenceFacts.positions().reserve(received.customerId(), position.ledgerVersion(),
                    new ApprovedOrderCheck(decisionId, received.order().id(), asOf, received.order().amount()),
                    terms.until())) {
                filled = filled.filled(filled.customer(), filled.exposure(), position.reserved(attempt, terms.until()));
                contended = false;
            } else {
                filled = filled.filled(filled.customer(), filled.exposure(), position.reserved(attempt, null));
                log.info("credit position moved before the approval was reserved customerId={} attempt={}",
                        received.customerId(), attempt);
            }
        }
        if (contended) {
            evaluation = terms.failClosed(policy, evaluation);
        }
        long totalNanos = System.nanoTime() - call.arrival().nanos();
        AuditRecord record = new AuditRecord(decisionId, received.type(), requestId, payloadHash, call.caller(),
                call.arrival().at(), asOf, received.customerId(), received.subject(), evaluation.result().outcome(),
                received.amount(), policy.manifest().currency(), evaluation.policy(),
                canonicalJson.writeValueAsString(filled), evaluation.result(), evaluation.evaluationNanos(), totalNanos);
        try {
            auditTrail.record(record, () -> { });
        } catch (DuplicateRequestException e) {
            return replay(received, call.caller(), requestId, payloadHash);
        } catch (AuditUnavailableException e) {
            throw Problems.auditUnavailable(e);
        }
        return answered(record, call);
    }

    /** The recorded decision, if its record is still as written (an UNSEALED one predates the hashes). */
    Optional<CheckedRecord> find(String decisionId) {
        Optional<CheckedRecord> found = auditTrail.read(decisionId);
        if (found.isPresent() && found.get().altered()) {
            log.error("decision record altered, not served decisionId={}", decisionId);
            throw Problems.recordAltered(decisionId);
        }
        return found;
    }

    DecisionPage history(String customerId, int page, int size) {
        return new DecisionPage(customerId, page, size, auditTrail.countForCustomer(customerId),
                auditTrail.history(customerId, page, size));
    }

    private Decided replay(DecisionBody body, String caller, String requestId, String payloadHash) {
        CheckedRecord checked = auditTrail.findByRequestId(caller, requestId).orElseThrow(() -> Problems.auditUnavailable(
                new IllegalStateException("request id " + requestId + " reported as recorded but not found")));
        if (checked.altered()) {
            log.error("decision record altered, not replayed decisionId={}", checked.record().decisionId());
            throw Problems.recordAltered(checked.record().decisionId());
        }
        AuditRecord recorded = checked.record();
        if (!recorded.sameRequestAs(body.type(), payloadHash)) {
            throw Problems.idempotencyConflict(requestId, recorded.decisionId());
        }
        MDC.put(RequestContext.MDC_DECISION_ID, recorded.decisionId());
        // Opens the hold if the first attempt recorded the decision but failed before its hold; never a second.
        holds.openFor(recorded);
        metrics.replayed(body.type());
        log.info("decision replayed type={} outcome={}", recorded.type(), recorded.outcome());
        return new Decided(recorded, true);
    }

    /** One of the permits to compute a decision, given back once (when its record is queued, or on failure). */
    private static final class ComputeSlot {
        private final Semaphore permits;
        // Released by the thread that took it: once its record is queued, or in the decision's finally.
        private boolean held = true;

        private ComputeSlot(Semaphore permits) {
            this.permits = permits;
        }

        static ComputeSlot take(Semaphore permits) {
            permits.acquireUninterruptibly();
            return new ComputeSlot(permits);
        }

        void release() {
            if (held) {
                held = false;
                permits.release();
            }
        }
    }

    /** Of the request as parsed, so that spacing and key order do not make a retry look different. */
    private static String payloadHash(DecisionBody body, String input) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(body.type().name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
