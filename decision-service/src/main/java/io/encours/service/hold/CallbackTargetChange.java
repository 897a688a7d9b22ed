package io.encours.service.hold;

import java.time.Instant;
import java.util.Map;

/**
 * A change to the callback allowlist, as auditors read it: who, when, and the entry before and after (null
 * when added or removed). The entries are shown without their secret.
 */
record CallbackTargetChange(String changeId, String action, String who, Instant at, Map<String, Object> before,
                            Map<String, Object> after) {
    static final String ADDED = "ADDED";
    static final String REMOVED = "REMOVED";
}
