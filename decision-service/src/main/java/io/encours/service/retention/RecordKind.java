package io.encours.service.retention;

import java.time.Period;
import java.util.Arrays;
import java.util.Optional;

/**
 * The record kinds archived and pruned by month besides the decisions (which are hash-chained and have their own
 * archive, {@link AuditArchives}), each read through the store of the feature that owns it. A record belongs to
 * the month of its time field: a hold to the month it was
 * settled in (an open hold has no such month, so it is never archived nor pruned), an action to the month it
 * was taken in.
 */
enum RecordKind {
    HOLDS("holds"),
    HOLD_ACTIONS("hold-actions"),
    POLICY_ACTIONS("policy-actions"),
    ADMIN_ACTIONS("admin-actions");

    final String path;

    RecordKind(String path) {
        this.path = path;
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
