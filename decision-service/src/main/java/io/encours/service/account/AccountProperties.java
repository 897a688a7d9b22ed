package io.encours.service.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the credit accounts.
 *
 * @param maxImportSize         largest CSV body of {@code POST /api/v1/accounts/imports}
 * @param maxPageSize           most accounts in one page of the list
 * @param abandonedChangeAfter  a change claimed but never written (a crash between its two writes) blocks the
 *                              account's next change for this long, then is taken over
 */
@ConfigurationProperties("encours.accounts")
public record AccountProperties(
        @DefaultValue("16MB") DataSize maxImportSize,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("1m") Duration abandonedChangeAfter) {

    public AccountProperties {
        if (maxImportSize.toBytes() < 1 || maxImportSize.toBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("encours.accounts.max-import-size must be between 1B and 2GB");
        }
        if (maxPageSize < 1 || maxPageSize > 10_000) {
            throw new IllegalArgumentException("encours.accounts.max-page-size must be between 1 and 10000");
        }
        if (abandonedChangeAfter.isNegative() || abandonedChangeAfter.isZero()) {
            throw new IllegalArgumentException("encours.accounts.abandoned-change-after must be positive");
        }
    }
}
