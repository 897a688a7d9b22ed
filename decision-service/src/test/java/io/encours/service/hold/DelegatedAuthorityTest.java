package io.encours.service.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.policy.PolicyCompiler;
import io.encours.rules.policy.DelegationTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default policy's delegation table and release parameters, as the holds apply them. */
class DelegatedAuthorityTest {
    private static DelegationTable delegation;
    private static CompiledPolicy policy;

    @BeforeAll
    static void compileTheDefaultPolicy() {
        policy = new PolicyCompiler().compile(PolicyBundle.fromClasspath("policies/credit-policy-fr")).policy();
        delegation = policy.delegation();
    }

    @Test
    void an_analyst_releases_up_to_25000_and_not_a_cent_more() {
        assertThat(authority(List.of("CREDIT_ANALYST"), "25000.00").allowed()).isTrue();
        DelegatedAuthority refused = authority(List.of("CREDIT_ANALYST"), "25000.01");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualByComparingTo("25000");
    }

    @Test
    void a_person_with_several_roles_has_the_widest_authority_of_them() {
        DelegatedAuthority both = authority(List.of("CREDIT_ANALYST", "CREDIT_MANAGER"), "40000.00");
        assertThat(both.allowed()).isTrue();
        assertThat(both.limit()).isEqualByComparingTo("150000");
    }

    @Test
    void the_committee_is_unlimited() {
        DelegatedAuthority committee = authority(List.of("CREDIT_COMMITTEE"), "9999999.00");
        assertThat(committee.allowed()).isTrue();
        assertThat(committee.limit()).isNull();
    }

    @Test
    void a_role_the_table_does_not_list_has_no_authority() {
        DelegatedAuthority auditor = authority(List.of("AUDITOR"), "1.00");
        assertThat(auditor.allowed()).isFalse();
        assertThat(auditor.limit()).isEqualByComparingTo("0");
        assertThat(authority(List.of(), "1.00").allowed()).isFalse();
    }

    @Test
    void a_release_is_valid_seven_days_for_ten_percent_more_under_the_default_policy() {
        ReleaseTerms terms = ReleaseTerms.of(policy);
        assertThat(terms.validityDays()).isEqualTo(7);
        assertThat(terms.tolerancePercent()).isEqualByComparingTo("10");
        assertThat(terms.maxAmount(new BigDecimal("40000.00"))).isEqualByComparingTo("44000.00");
        assertThat(terms.validUntil(Instant.parse("2026-06-15T10:00:00Z"))).isEqualTo(Instant.parse("2026-06-22T10:00:00Z"));
    }

    @Test
    void a_policy_without_the_parameters_gives_a_week_and_no_tolerance() {
        PolicyBundle bundle = policy.bundle();
        String file = policy.manifest().parameters();
        String withoutHold = new String(bundle.bytes(file), java.nio.charset.StandardCharsets.UTF_8)
                .lines().filter(line -> !line.startsWith("hold.")).reduce("", (a, b) -> a + b + "\n");
        CompiledPolicy without = new PolicyCompiler().compile(bundle.with(file,
                withoutHold.getBytes(java.nio.charset.StandardCharsets.UTF_8))).policy();
        assertThat(ReleaseTerms.of(without)).isEqualTo(ReleaseTerms.FALLBACK);
    }

    private static DelegatedAuthority authority(List<String> roles, String amount) {
        return DelegatedAuthority.of(delegation, roles, new BigDecimal(amount));
    }
}
