package io.encours.service.ledger;

import io.encours.service.account.CreditAccount;
import io.encours.service.account.CreditAccount.InsurerCover;
import io.encours.service.account.CreditAccount.InternalLimit;
import io.encours.service.ledger.ApplyResult.Outcome;
import io.encours.service.ledger.LedgerDocuments.AcceptedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON answers of the ledger's endpoints, built from the domain's values. */
final class LedgerAnswers {
    private LedgerAnswers() {
    }

    /** The answer to a batch: counts, then each event in the batch's order. */
    record BatchAnswer(int accepted, int duplicates, int rejected, List<Ledger.EventOutcome> events) {
        static BatchAnswer of(List<Ledger.EventOutcome> outcomes) {
            return new BatchAnswer(count(outcomes, Outcome.ACCEPTED), count(outcomes, Outcome.DUPLICATE),
                    count(outcomes, Outcome.REJECTED), outcomes);
        }

        private static int count(List<Ledger.EventOutcome> outcomes, Outcome outcome) {
            return (int) outcomes.stream().filter(o -> o.outcome() == outcome).count();
        }
    }

    /**
     * A customer's exposure on a date: the figure of each category and the documents behind it, the total
     * counted against the limit, the limit and the insured limit in force that day and what is left of the
     * limit. {@code runningTotals} (today only) are the sums the ledger keeps per account, which the figures
     * equal; {@code source}: RUNNING_TOTALS (today, from the position alone) or DOCUMENTS (a past date);
     * {@code version} is the position's version the figures were read at. {@code documents} is a page of the
     * documents behind each figure, {@code documentCounts} how many there are, {@code next} the cursor of the
     * next page of a category (absent: none left). {@code group}: only for an account that heads a group, see
     * {@link GroupExposure}.
     */
    record ExposureAnswer(String customerId, String currency, LocalDate asOf, long version, String source,
                          Map<ExposureCategory, BigDecimal> categories, BigDecimal total, BigDecimal limit,
                          BigDecimal insuredLimit, BigDecimal available, RunningTotals runningTotals,
                          Map<ExposureCategory, List<ExposureLine>> documents,
                          Map<ExposureCategory, Long> documentCounts, Map<ExposureCategory, String> next,
                          PaymentBehaviour behaviour, GroupExposure group) {
        static ExposureAnswer of(Ledger.Read read, boolean today, GroupExposure group) {
            Exposure exposure = read.position().exposure();
            CreditAccount account = read.account();
            BigDecimal limit = account.limitOn(exposure.asOf()).inForce().map(InternalLimit::amount).orElse(null);
            BigDecimal insured = account.coverOn(exposure.asOf()).inForce().map(InsurerCover::insuredAmount).orElse(null);
            Map<ExposureCategory, List<ExposureLine>> documents = new EnumMap<>(ExposureCategory.class);
            for (ExposureCategory category : ExposureCategory.values()) {
                documents.put(category, exposure.lines(category));
            }
            return new ExposureAnswer(read.position().customerId(), exposure.currency(), exposure.asOf(),
                    read.position().version(), read.fromTotals() ? "RUNNING_TOTALS" : "DOCUMENTS", exposure.amounts(), exposure.total(), limit, insured,
                    limit == null ? null : limit.subtract(exposure.total()), today ? read.runningTotals() : null,
                    documents, read.documents(), read.next(), read.position().behaviour(), group);
        }
    }

    /** One accepted event as stored: where it stands in the account's order, when it came, and what it said. */
    record EventEntry(String eventId, String type, LocalDate occurredOn, Instant receivedAt, String position,
                      Map<String, Object> event) {
        static EventEntry of(AcceptedEvent e) {
            return new EventEntry(e.eventId(), e.type(), e.occurredOn(), e.receivedAt(),
                    e.ledgerVersion() + "." + e.index(), e.wire());
        }
    }

    /** A page of an account's events and the cursor of the next one ({@code after}; null on the last page). */
    record EventsAnswer(String customerId, List<EventEntry> events, String next) {
        static EventsAnswer of(String customerId, Ledger.EventPage page) {
            return new EventsAnswer(customerId, page.events().stream().map(EventEntry::of).toList(), page.next());
        }
    }
}
