package io.encours.service.policy;

import java.time.Instant;
import java.util.List;

/** A policy version as the API shows it: status, review trail and the list of its files (not their bytes). */
record PolicyVersionView(
        int number,
        PolicyStatus status,
        boolean active,
        String contentHash,
        String author,
        Instant createdAt,
        Instant updatedAt,
        String comment,
        Integer basedOn,
        List<FileEntry> files,
        List<PolicyVersion.Approval> approvals,
        PolicyVersion.Rejection rejection,
        Instant submittedAt,
        Instant scheduledFor,
        Instant activatedAt,
        String activatedBy,
        Integer replaced,
        Instant retiredAt) {

    /** One source file: its name, size and where to download it. */
    record FileEntry(String name, int size, String href) {
    }

    static PolicyVersionView of(PolicyVersion v, int activeNumber) {
        List<FileEntry> files = v.bundle().files().entrySet().stream().map(e -> new FileEntry(e.getKey(),
                e.getValue().length, "/api/v1/policies/" + v.number() + "/files/" + e.getKey())).toList();
        return new PolicyVersionView(v.number(), v.status(), v.number() == activeNumber, v.contentHash(), v.author(),
                v.createdAt(), v.updatedAt(), v.comment(), v.basedOn(), files, v.approvals(), v.rejection(),
                v.submittedAt(), v.scheduledFor(), v.activatedAt(), v.activatedBy(), v.replaced(), v.retiredAt());
    }
}
