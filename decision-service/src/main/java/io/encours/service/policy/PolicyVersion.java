package io.encours.service.policy;

import io.encours.rules.policy.PolicyBundle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;

/**
 * One numbered version of the credit policy: its source files and where it stands in review. Immutable;
 * every change of status makes a new value that the store saves in place of the old one, and each change
 * refuses itself when the version's status or people do not allow it (only a draft is edited or
 * submitted, an approver is neither its author nor its submitter, only an approved version is put in
 * force...). {@link PolicyLifecycle} orchestrates: checks, storage, the active policy, the trail.
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

    /**
     * Refuses the move ({@code "edited"}, {@code "submitted"}...) unless the version is in one of the
     * {@code allowed} statuses: 409 naming the status it needs.
     */
    PolicyVersion expect(String move, PolicyStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw PolicyProblems.wrongStatus(this, move, String.join(" or ",
                    Arrays.stream(allowed).map(Enum::name).toList()));
        }
        return this;
    }

    /** A draft with one file added or replaced; a version's files have plain names. */
    PolicyVersion withFile(String name, byte[] content, Instant now) {
        expect("edited", PolicyStatus.DRAFT);
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw PolicyProblems.badUpload("'" + name + "' is not a plain file name");
        }
        return new PolicyVersion(number, status, bundle.with(name, content), author, createdAt, now, comment, basedOn,
                approvals, rejection, submittedAt, scheduledFor, activatedAt, activatedBy, replaced, retiredAt);
    }

    PolicyVersion submitted(Instant now) {
        expect("submitted", PolicyStatus.DRAFT);
        return new PolicyVersion(number, PolicyStatus.SUBMITTED, bundle, author, createdAt, now, comment, basedOn,
                List.of(), null, now, null, null, null, null, null);
    }

    /**
     * One more approval; APPROVED once {@code required} committee members approved. Four eyes compares people,
     * not credentials ({@code personOf} gives the person behind a name or API key): the approver is not the
     * person who drafted the version, nor one who submitted its content ({@code submitters}), nor one who
     * approved it already.
     */
    PolicyVersion approved(Approval approval, int required, UnaryOperator<String> personOf,
                           Collection<String> submitters) {
        String approver = personOf.apply(approval.by());
        if (approver.equals(personOf.apply(author))) {
            throw PolicyProblems.of(HttpStatus.FORBIDDEN, PolicyProblems.FOUR_EYES, "Four eyes required",
                    "The author of version " + number + " cannot approve it; another committee member must");
        }
        expect("approved", PolicyStatus.SUBMITTED);
        if (submitters.stream().anyMatch(s -> approver.equals(personOf.apply(s)))) {
            throw PolicyProblems.of(HttpStatus.FORBIDDEN, PolicyProblems.FOUR_EYES, "Four eyes required",
                    "Whoever submitted version " + number + " cannot approve it; another committee member must");
        }
        if (approvals.stream().anyMatch(a -> approver.equals(personOf.apply(a.by())))) {
            throw PolicyProblems.of(HttpStatus.CONFLICT, PolicyProblems.ALREADY_APPROVED, "Already approved",
                    approval.by() + " has already approved version " + number + "; another member must");
        }
        List<Approval> all = new ArrayList<>(approvals);
        all.add(approval);
        PolicyStatus next = all.size() >= required ? PolicyStatus.APPROVED : PolicyStatus.SUBMITTED;
        return new PolicyVersion(number, next, bundle, author, createdAt, approval.at(), comment, basedOn, all,
                null, submittedAt, null, null, null, null, null);
    }

    /** Turned down while in review, always with a reason. */
    PolicyVersion rejected(Rejection why) {
        expect("rejected", PolicyStatus.SUBMITTED, PolicyStatus.APPROVED);
        if (why.reason() == null || why.reason().isBlank()) {
            throw PolicyProblems.badUpload("A rejection needs a reason");
        }
        return new PolicyVersion(number, PolicyStatus.REJECTED, bundle, author, createdAt, why.at(), comment, basedOn,
                approvals, why, submittedAt, null, null, null, null, null);
    }

    PolicyVersion scheduled(Instant at, Instant now) {
        expect("activated", PolicyStatus.APPROVED);
        return new PolicyVersion(number, status, bundle, author, createdAt, now, comment, basedOn, approvals,
                rejection, submittedAt, at, activatedAt, activatedBy, replaced, retiredAt);
    }

    /**
     * Put in force: an approved version, or a retired one that a rollback restores. {@code previous} is kept
     * for a rollback unless this activation is itself a rollback.
     */
    PolicyVersion activated(String by, Instant now, Integer previous) {
        expect("activated", PolicyStatus.APPROVED, PolicyStatus.RETIRED);
        return new PolicyVersion(number, PolicyStatus.ACTIVE, bundle, author, createdAt, now, comment, basedOn,
                approvals, rejection, submittedAt, null, now, by, previous, null);
    }

    /** The default policy of the rules module as version 1, in force from the first start. */
    static PolicyVersion firstStart(PolicyBundle bundle, Instant now) {
        return new PolicyVersion(1, PolicyStatus.ACTIVE, bundle, "system", now, now, "default policy of the rules module",
                null, List.of(), null, null, null, now, "system", null, null);
    }

    PolicyVersion retired(Instant now) {
        return new PolicyVersion(number, PolicyStatus.RETIRED, bundle, author, createdAt, now, comment, basedOn,
                approvals, rejection, submittedAt, null, activatedAt, activatedBy, replaced, now);
    }
}
