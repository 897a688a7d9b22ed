package io.encours.service.audit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Does the audit trail take decisions? DOWN from a failed write on the store until the writer's retry succeeds:
 * meanwhile every decision is refused with a 503 (the {@code storage} indicator says whether the store answers
 * a ping; this one what the decisions see).
 */
final class AuditHealthIndicator implements HealthIndicator {
    private final AuditWriter writer;

    AuditHealthIndicator(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public Health health() {
        String reason = writer.unavailableReason();
        return reason == null ? Health.up().build() : Health.down().withDetail("reason", reason).build();
    }
}
