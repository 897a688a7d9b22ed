package io.encours.service.retention;

import java.time.Period;
import java.util.Arrays;
import java.util.Optional;

/**
 * The record kinds archived and pruned by month besides the decisions (which are hash-chained and have their own
 * archive, {@link AuditArchives}). A record belongs to the month of {@code timeField}: a hold to the month it was
 * settled in (an open hold has no such month, so it is never archived nor pruned), an action to the month it
 * was taken in.
 */
enum RecordKind {
    HOLDS("holds", "credit_holds", "settledAt"),
    HOLD_ACTIONS("hold-actions", "hold_actions", "at"),
    POLICY_ACTIONS("policy-actions", "policy_actions", "at"),
    ADMIN_ACTIONS("admin-actions", "admin_actions", "at");

    final String path;
    final String collection;
    final String timeField;

    RecordKind(String path, String collection, String timeField) {
        this.path = path;
        this.collection = collection;
        this.timeField = timeField;
    }

    Period retention(RetentionProperties properties) {
        return switch (this) {
            case HOLDS -> properties.holds();
            case HOLD_ACTIONS -> properties.holdActions();
            case POLICY_ACTIONS -> properties.policyActions();
            case ADMIN_ACTIONS -> properties.adminActions();
        };
    }

    String property() {
        return "encours.retention." + path;
    }

    static Optional<RecordKind> of(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
