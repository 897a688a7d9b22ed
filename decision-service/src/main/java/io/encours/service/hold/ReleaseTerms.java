package io.encours.service.hold;

import io.encours.rules.policy.CompiledPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a release goes, from the policy's parameters {@code hold.releaseValidityDays} and
 * {@code hold.releaseTolerancePercent}: the order may ship within that many days of the release and for
 * up to the held amount plus that share; beyond either, the order-entry system must check it again.
 */
record ReleaseTerms(int validityDays, BigDecimal tolerancePercent) {
    static final String VALIDITY_DAYS = "hold.releaseValidityDays";
    static final String TOLERANCE_PERCENT = "hold.releaseTolerancePercent";
    /** Used only when a policy lacks the parameters: a week, and not a cent more than held. */
    static final ReleaseTerms FALLBACK = new ReleaseTerms(7, BigDecimal.ZERO);

    ReleaseTerms {
        if (validityDays < 0 || tolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("Release validity and tolerance must not be negative");
        }
    }

    Instant validUntil(Instant releasedAt) {
        return releasedAt.plus(Duration.ofDays(validityDays));
    }

    BigDecimal maxAmount(BigDecimal heldAmount) {
        return heldAmount.multiply(BigDecimal.valueOf(100).add(tolerancePercent))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /**
     * Read from the bundle's parameters table ({@code name,value,...} lines) rather than through
     * {@code CompiledPolicy.parameters()}, whose type belongs to the rules' fact model, which the service
     * does not use (ArchitectureTest).
     */
    static ReleaseTerms of(CompiledPolicy policy) {
        String file = policy.manifest().parameters();
        if (file == null || !policy.bundle().has(file)) {
            return FALLBACK;
        }
        String days = null;
        String percent = null;
        for (String line : new String(policy.bundle().bytes(file), StandardCharsets.UTF_8).split("\\R")) {
            String[] cells = line.split(",", 3);
            if (cells.length < 2) {
                continue;
            }
            String name = unquote(cells[0]);
            if (VALIDITY_DAYS.equals(name)) {
                days = unquote(cells[1]);
            } else if (TOLERANCE_PERCENT.equals(name)) {
                percent = unquote(cells[1]);
            }
        }
        return new ReleaseTerms(days == null || days.isEmpty() ? FALLBACK.validityDays() : Integer.parseInt(days),
                percent == null || percent.isEmpty() ? FALLBACK.tolerancePercent() : new BigDecimal(percent));
    }

    private static String unquote(String cell) {
        String s = cell.trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).trim() : s;
    }
}
