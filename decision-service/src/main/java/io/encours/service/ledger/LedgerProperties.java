package io.encours.service.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ledger's intake and reads. These are the service's, not the policy's: they say what the ERP
 * may send and how much is read at once, not how credit is decided (the delivery horizon, the grace days and
 * the reservations' expiry, which change decisions, are the policy's parameters, passed in by the order check).
 *
 * @param maxBatchSize        most events in one {@code POST /api/v1/ledger/events}
 * @param futureToleranceDays an event dated more than this many days after today is refused (clocks and time
 *                            zones of the ERP; a document dated tomorrow)
 * @param maxImportSize       largest CSV body of an import
 * @param maxPageSize         most events in one page of an account's events
 * @param cachedLedgers       how many customers' ledgers are kept in memory between calls
 */
@ConfigurationProperties("encours.ledger")
public record LedgerProperties(
        @DefaultValue("1000") int maxBatchSize,
        @DefaultValue("3") int futureToleranceDays,
        @DefaultValue("32MB") DataSize maxImportSize,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("10000") int cachedLedgers) {

    public LedgerProperties {
        if (maxBatchSize < 1 || maxBatchSize > 10_000) {
            throw new IllegalArgumentException("encours.ledger.max-batch-size must be between 1 and 10000");
        }
        if (futureToleranceDays < 0 || futureToleranceDays > 366) {
            throw new IllegalArgumentException("encours.ledger.future-tolerance-days must be between 0 and 366");
        }
        if (maxImportSize.toBytes() < 1 || maxImportSize.toBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("encours.ledger.max-import-size must be between 1B and 2GB");
        }
        if (maxPageSize < 1 || maxPageSize > 10_000) {
            throw new IllegalArgumentException("encours.ledger.max-page-size must be between 1 and 10000");
        }
        if (cachedLedgers < 0) {
            throw new IllegalArgumentException("encours.ledger.cached-ledgers must not be negative");
        }
    }
}
