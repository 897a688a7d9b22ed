package io.encours.service.policy;

import io.encours.rules.policy.PolicyBundle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One numbered version of the credit policy: its source files and where it stands in review. Immutable;
 * every change of status makes a new value that the store saves in place of the old one.
 *
 * @param basedOn  the version a draft was copied from (null for an upload)
 * @param replaced the version that was active when this one was activated: what a rollback returns to
 */
public record PolicyVersion(
        int number,
        PolicyStatus status,
        PolicyBundle bundle,
        String author,
        Instant createdAt,
        Instant updatedAt,
        String comment,
        Integer basedOn,
        List<Approval> approvals,
        Rejection rejection,
        Instant submittedAt,
        Instant scheduledFor,
        Instant activatedAt,
        String activatedBy,
        Integer replaced,
        Instant retiredAt) {

    /** A committee member's approval. */
    public record Approval(String by, Instant at, String comment) {
    }

    /** Why a submitted version was turned down, and by whom. */
    public record Rejection(String by, Instant at, String reason) {
    }

    public PolicyVersion {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(author, "author");
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    static PolicyVersion draft(int number, PolicyBundle bundle, String author, Instant now, String comment,
                               Integer basedOn) {
        return new PolicyVersion(number, PolicyStatus.DRAFT, bundle, author, now, now, comment, basedOn, List.of(),
                null, null, null, null, null, null, null);
    }

    public String contentHash() {
        return bundle.contentHash();
    }

    public boolean approvedBy(String who) {
        return approvals.stream().anyMatch(a -> a.by().equals(who));
    }

    PolicyVersion withFile(String name, byte[] content, Instant now) {
        return new PolicyVersion(number, status, bundle.with(name, content), author, createdAt, now, comment, basedOn,
                approvals, rejection, submittedAt, scheduledFor, activatedAt, activatedBy, replaced, retiredAt);
    }

    PolicyVersion submitted(Instant now) {
        return new PolicyVersion(number, PolicyStatus.SUBMITTED, bundle, author, createdAt, now, comment, basedOn,
                List.of(), null, now, null, null, null, null, null);
    }

    PolicyVersion approved(Approval approval, int required) {
        List<Approval> all = new ArrayList<>(approvals);
        all.add(approval);
        PolicyStatus next = all.size() >= required ? PolicyStatus.APPROVED : PolicyStatus.SUBMITTED;
        return new PolicyVersion(number, next, bundle, author, createdAt, approval.at(), comment, basedOn, all,
                null, submittedAt, null, null, null, null, null);
    }

    PolicyVersion rejected(Rejection why) {
        return new PolicyVersion(number, PolicyStatus.REJECTED, bundle, author, createdAt, why.at(), comment, basedOn,
                approvals, why, submittedAt, null, null, null, null, null);
    }

    PolicyVersion scheduled(Instant at, Instant now) {
        return new PolicyVersion(number, status, bundle, author, createdAt, now, comment, basedOn, approvals,
                rejection, submittedAt, at, activatedAt, activatedBy, replaced, retiredAt);
    }

    /** Put in force; {@code previous} is kept for a rollback unless this activation is itself a rollback. */
    PolicyVersion activated(String by, Instant now, Integer previous) {
        return new PolicyVersion(number, PolicyStatus.ACTIVE, bundle, author, createdAt, now, comment, basedOn,
                approvals, rejection, submittedAt, null, now, by, previous, null);
    }

    PolicyVersion retired(Instant now) {
        return new PolicyVersion(number, PolicyStatus.RETIRED, bundle, author, createdAt, now, comment, basedOn,
                approvals, rejection, submittedAt, null, activatedAt, activatedBy, replaced, now);
    }
}
