package io.encours.service.audit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Does the audit trail take decisions? DOWN from a failed write on the store until the writer's retry succeeds:
 * meanwhile every decision is refused with a 503 (the {@code storage} indicator says whether the store answers
 * a ping; this one what the decisions see). DOWN also at start-up until the writer has found the end of the hash
 * chain: the {@code readiness} group includes this indicator, so a load balancer sends no decision before the
 * writer can write (application.properties, docs/audit.md).
 */
final class AuditHealthIndicator implements HealthIndicator {
    private final AuditWriter writer;

    AuditHealthIndicator(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public Health health() {
        String reason = writer.unavailableReason();
        if (reason != null) {
            return Health.down().withDetail("reason", reason).build();
        }
        if (!writer.ready()) {
            return Health.down().withDetail("reason", "finding the end of the hash chain").build();
        }
        return Health.up().build();
    }
}
