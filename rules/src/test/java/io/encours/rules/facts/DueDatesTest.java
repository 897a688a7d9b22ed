package io.encours.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 13: both readings of "45 days end of month", the latest lawful due date, the half-year split of a delay. */
class DueDatesTest {
    private static final LocalDate ISSUED = LocalDate.of(2026, 1, 10);

    @Test
    void netTermsCountFromTheIssueDate() {
        assertThat(DueDates.due(ISSUED, 60, false, DueDates.DAYS_THEN_END_OF_MONTH)).isEqualTo("2026-03-11");
    }

    @Test
    void fortyFiveDaysEndOfMonthReadBothWays() {
        // 10 January + 45 days = 24 February, then the end of February
        assertThat(DueDates.due(ISSUED, 45, true, DueDates.DAYS_THEN_END_OF_MONTH)).isEqualTo("2026-02-28");
        // end of January, then + 45 days
        assertThat(DueDates.due(ISSUED, 45, true, DueDates.END_OF_MONTH_THEN_DAYS)).isEqualTo("2026-03-17");
        assertThatThrownBy(() -> DueDates.due(ISSUED, 45, true, "SOMETIMES"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLatestLawfulDueDateIsTheLaterOfSixtyDaysNetAndFortyFiveDaysEndOfMonth() {
        assertThat(DueDates.latestAllowed(ISSUED, 60, 45, DueDates.DAYS_THEN_END_OF_MONTH)).isEqualTo("2026-03-11");
        assertThat(DueDates.latestAllowed(ISSUED, 60, 45, DueDates.END_OF_MONTH_THEN_DAYS)).isEqualTo("2026-03-17");
        assertThat(DueDates.latestAllowed(ISSUED, 30, -1, DueDates.END_OF_MONTH_THEN_DAYS)).isEqualTo("2026-02-09");
    }

    @Test
    void aDelaySpanningHalfYearsIsSplitOnFirstJanuaryAndFirstJuly() {
        // due 21 December 2024, 100 days late: 22-31 December (10 days) and 1 January - 31 March 2025 (90 days)
        assertThat(HalfYears.of(LocalDate.of(2024, 12, 21), 100)).containsExactly(
                new HalfYears.Part(LocalDate.of(2024, 7, 1), 10), new HalfYears.Part(LocalDate.of(2025, 1, 1), 90));
        assertThat(HalfYears.of(LocalDate.of(2025, 6, 30), 1)).containsExactly(
                new HalfYears.Part(LocalDate.of(2025, 7, 1), 1));
        assertThat(HalfYears.of(LocalDate.of(2025, 6, 30), 0)).isEmpty();
    }
}
