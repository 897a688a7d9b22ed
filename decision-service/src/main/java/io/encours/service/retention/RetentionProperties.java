package io.encours.service.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each kind of record the service stores is kept, and where archives are written. Ten years by
 * default for every kind: French law keeps commercial records and their supporting documents ten years
 * (Code de commerce, L123-22). Decisions are archived and pruned along their chain ({@link AuditArchives}),
 * the other kinds month by month ({@link RecordArchives}).
 *
 * @param decisions        decisions (the {@code decisions} collection, hash-chained)
 * @param holds            credit holds ({@code credit_holds})
 * @param holdActions      releases, rejections, refused attempts and callbacks of holds ({@code hold_actions})
 * @param policyActions    the policy lifecycle: uploads, approvals, activations, rollbacks ({@code policy_actions})
 * @param adminActions     accounts, keys and lockouts ({@code admin_actions})
 * @param closingMargin    how long after its end a month counts as closed and may be archived (records reach the
 *                         writer a few milliseconds after they are received; a margin keeps late ones in)
 * @param archiveDirectory where archives and their manifests are written
 */
@ConfigurationProperties("encours.retention")
public record RetentionProperties(
        @DefaultValue("P10Y") Period decisions,
        @DefaultValue("P10Y") Period holds,
        @DefaultValue("P10Y") Period holdActions,
        @DefaultValue("P10Y") Period policyActions,
        @DefaultValue("P10Y") Period adminActions,
        @DefaultValue("1d") Duration closingMargin,
        @DefaultValue("./data/archives") Path archiveDirectory) {

    public RetentionProperties {
        positive("encours.retention.decisions", decisions);
        positive("encours.retention.holds", holds);
        positive("encours.retention.hold-actions", holdActions);
        positive("encours.retention.policy-actions", policyActions);
        positive("encours.retention.admin-actions", adminActions);
        if (closingMargin.isNegative()) {
            throw new IllegalArgumentException("encours.retention.closing-margin must not be negative, was "
                    + closingMargin);
        }
    }

    private static void positive(String name, Period period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive period such as P10Y, was " + period);
        }
    }
}
