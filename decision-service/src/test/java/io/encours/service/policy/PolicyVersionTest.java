package io.encours.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.encours.rules.policy.DefaultPolicy;
import io.encours.service.web.ProblemException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A policy version refuses, by itself, the moves its status or its people do not allow. */
class PolicyVersionTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    /** Names as people: an API key acts for the person who created it. */
    private static final UnaryOperator<String> PERSON = name -> Map.of("key-of-alice", "alice").getOrDefault(name, name);

    private static PolicyVersion aDraftBy(String author) {
        return PolicyVersion.draft(2, DefaultPolicy.bundle(), author, NOW, "tighter caps", 1);
    }

    private static PolicyVersion.Approval approvalBy(String who) {
        return new PolicyVersion.Approval(who, NOW, null);
    }

    @Test
    void a_draft_is_edited_submitted_approved_by_two_other_members_then_put_in_force() {
        PolicyVersion submitted = aDraftBy("alice").withFile("notes.txt", bytes("why"), NOW).submitted(NOW);
        PolicyVersion once = submitted.approved(approvalBy("bob"), 2, PERSON, List.of("alice"));
        PolicyVersion twice = once.approved(approvalBy("carol"), 2, PERSON, List.of("alice"));
        PolicyVersion active = twice.activated("bob", NOW, 1);

        assertThat(once.status()).isEqualTo(PolicyStatus.SUBMITTED);
        assertThat(twice.status()).isEqualTo(PolicyStatus.APPROVED);
        assertThat(active.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(active.replaced()).isEqualTo(1);
    }

    @Test
    void only_a_draft_is_edited_or_submitted() {
        PolicyVersion submitted = aDraftBy("alice").submitted(NOW);

        assertRefused(() -> submitted.withFile("notes.txt", bytes("late"), NOW), 409, "/problems/policy-status-conflict");
        assertRefused(() -> submitted.submitted(NOW), 409, "/problems/policy-status-conflict");
    }

    @Test
    void a_file_of_a_version_has_a_plain_name() {
        assertRefused(() -> aDraftBy("alice").withFile("../x.csv", bytes("x"), NOW), 400,
                "/problems/policy-upload-invalid");
    }

    @Test
    void the_author_cannot_approve_even_with_an_api_key_of_theirs() {
        PolicyVersion submitted = aDraftBy("alice").submitted(NOW);

        assertRefused(() -> submitted.approved(approvalBy("alice"), 2, PERSON, List.of()), 403, "/problems/four-eyes");
        assertRefused(() -> submitted.approved(approvalBy("key-of-alice"), 2, PERSON, List.of()), 403,
                "/problems/four-eyes");
    }

    @Test
    void whoever_submitted_the_content_cannot_approve_it() {
        PolicyVersion submitted = aDraftBy("alice").submitted(NOW);

        assertRefused(() -> submitted.approved(approvalBy("bob"), 2, PERSON, List.of("bob")), 403,
                "/problems/four-eyes");
    }

    @Test
    void a_member_approves_a_version_once() {
        PolicyVersion once = aDraftBy("alice").submitted(NOW).approved(approvalBy("bob"), 2, PERSON, List.of());

        assertRefused(() -> once.approved(approvalBy("bob"), 2, PERSON, List.of()), 409,
                "/problems/policy-already-approved");
    }

    @Test
    void only_a_submitted_version_is_approved() {
        assertRefused(() -> aDraftBy("alice").approved(approvalBy("bob"), 2, PERSON, List.of()), 409,
                "/problems/policy-status-conflict");
    }

    @Test
    void a_rejection_comes_during_review_and_always_with_a_reason() {
        PolicyVersion submitted = aDraftBy("alice").submitted(NOW);

        assertRefused(() -> submitted.rejected(new PolicyVersion.Rejection("bob", NOW, " ")), 400,
                "/problems/policy-upload-invalid");
        assertRefused(() -> aDraftBy("alice").rejected(new PolicyVersion.Rejection("bob", NOW, "not now")), 409,
                "/problems/policy-status-conflict");
        assertThat(submitted.rejected(new PolicyVersion.Rejection("bob", NOW, "not now")).status())
                .isEqualTo(PolicyStatus.REJECTED);
    }

    @Test
    void only_an_approved_version_is_scheduled_or_put_in_force() {
        PolicyVersion submitted = aDraftBy("alice").submitted(NOW);

        assertRefused(() -> submitted.scheduled(NOW.plusSeconds(3600), NOW), 409, "/problems/policy-status-conflict");
        assertRefused(() -> submitted.activated("bob", NOW, 1), 409, "/problems/policy-status-conflict");
    }

    @Test
    void a_rollback_puts_a_retired_version_back_in_force() {
        PolicyVersion retired = PolicyVersion.firstStart(DefaultPolicy.bundle(), NOW).retired(NOW);

        assertThat(retired.activated("bob", NOW, null).status()).isEqualTo(PolicyStatus.ACTIVE);
    }

    private static void assertRefused(Runnable move, int status, String type) {
        ProblemDetail problem = problemOf(catchThrowable(move::run));
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getType()).isEqualTo(URI.create(type));
    }

    private static ProblemDetail problemOf(Throwable thrown) {
        if (thrown instanceof ErrorResponseException e) {
            return e.getBody();
        }
        if (thrown instanceof ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("not a problem: " + thrown, thrown);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
