package io.encours.service.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of the policy itself ({@code policy_actions}): every creation, upload, file
 * replacement, submission, approval, rejection, activation (at once, scheduled, or by rollback) with who,
 * when, which version and hash, and the comment. Written durably before the action is answered, like a
 * decision's audit record.
 */
class PolicyActions {
    private static final Logger log = LoggerFactory.getLogger(PolicyActions.class);

    enum Action { CREATE, UPLOAD, REPLACE_FILE, SUBMIT, APPROVE, REJECT, SCHEDULE, ACTIVATE, SCHEDULED_ACTIVATION,
        ROLLBACK }

    /** One recorded action. */
    record Entry(String id, Action action, int version, String contentHash, String by, Instant at,
                 String comment) {
    }

    private final PolicyTrailStore store;
    private final Clock clock;

    PolicyActions(PolicyTrailStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Entry record(Action action, PolicyVersion version, String by, String comment) {
        Entry entry = new Entry(UUID.randomUUID().toString(), action, version.number(), version.contentHash(), by,
                clock.instant(), comment);
        store.insert(entry);
        log.info("policy action={} version={} hash={} by={}", action, version.number(), version.contentHash(), by);
        return entry;
    }

    /** The actions on one version, oldest first; all of them when {@code version} is null. */
    List<Entry> of(Integer version) {
        return store.of(version);
    }
}
