package io.encours.service.replay;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.InvalidFact;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import io.encours.service.decision.RecordedRequests;
import io.encours.service.replay.CompiledVersion.PolicyRef;
import io.encours.service.policy.PolicyProblems;
import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays recorded decisions: the recorded input, read back into its request with the recorded business
 * date, evaluated under a policy version rebuilt from its stored sources, and compared with the recorded
 * result. Reads the audit trail, never writes to it.
 */
@Service
public class Replays {
    private final AuditTrail trail;
    private final RecordedRequests requests;
    private final CompiledVersions versions;
    private final JsonMapper json;

    Replays(AuditTrail trail, RecordedRequests requests, CompiledVersions versions, JsonMapper json) {
        this.trail = trail;
        this.requests = requests;
        this.versions = versions;
        this.json = json;
    }

    /** The decision under the policy version it was made with. */
    ReplayReport replay(String decisionId) {
        AuditRecord record = recorded(decisionId);
        CompiledVersion version = versions.byHash(record.policy().contentHash());
        return evaluate(record, version.ref(), version);
    }

    /** The decision's input under version {@code number}. */
    ReplayReport whatIf(String decisionId, int number) {
        AuditRecord record = recorded(decisionId);
        CompiledVersion version = versions.byNumber(number);
        PolicyRef recordedPolicy;
        try {
            recordedPolicy = versions.byHash(record.policy().contentHash()).ref();
        } catch (ProblemException unusable) {
            if (!ReplayProblems.POLICY_NOT_STORED.equals(unusable.type())
                    && !PolicyProblems.INVALID.equals(unusable.type())) {
                throw unusable;
            }
            recordedPolicy = new PolicyRef(null, record.policy().version(), record.policy().contentHash());
        }
        return evaluate(record, recordedPolicy, version);
    }

    private AuditRecord recorded(String decisionId) {
        return trail.find(decisionId).orElseThrow(() -> Problems.decisionNotFound(decisionId));
    }

    private ReplayReport evaluate(AuditRecord record, PolicyRef recordedPolicy, CompiledVersion version) {
        DecisionRequest request;
        try {
            request = requests.read(record.type(), record.input(), record.asOf());
        } catch (JacksonException e) {
            throw ReplayProblems.inputUnreadable(record.decisionId(), e.getOriginalMessage());
        } catch (InvalidFact e) {
            throw ReplayProblems.inputUnreadable(record.decisionId(), e.getMessage());
        }
        DecisionResult replayed = version.policy().evaluate(record.type(), request).result();
        List<OutputDifferences.Difference> differences = OutputDifferences.between(
                json.valueToTree(record.output()), json.valueToTree(replayed));
        return new ReplayReport(record.decisionId(), record.type(), recordedPolicy, version.ref(),
                differences.isEmpty(), differences, record.output(), replayed);
    }
}
