package io.encours.rules.facts;

import java.math.BigDecimal;

/**
 * One criterion of the scoring grid as seen for this customer: a numeric value (years in business,
 * incidents, a ratio...) or a category (sector, legal form). {@code known} is false when the data is missing.
 */
public final class ScoringFactor {
    private final String criterion;
    private final String category;
    private final BigDecimal value;
    private final Integer ageMonths;

    private ScoringFactor(String criterion, String category, BigDecimal value, Integer ageMonths) {
        this.criterion = criterion;
        this.category = category;
        this.value = value;
        this.ageMonths = ageMonths;
    }

    private ScoringFactor(String criterion, String category, BigDecimal value) {
        this(criterion, category, value, null);
    }

    /** A value observed some whole months before the decision date (an external rating, say). */
    public static ScoringFactor ofDatedValue(String criterion, BigDecimal value, Integer ageMonths) {
        return new ScoringFactor(criterion, null, value, ageMonths);
    }

    public static ScoringFactor ofValue(String criterion, BigDecimal value) {
        return new ScoringFactor(criterion, null, value);
    }

    /** A value that the grid also tells apart by kind (a gearing ratio vs. negative equity, say). */
    public static ScoringFactor of(String criterion, String category, BigDecimal value) {
        return new ScoringFactor(criterion, category, value);
    }

    public static ScoringFactor ofCategory(String criterion, String category) {
        return new ScoringFactor(criterion, category, null);
    }

    public String getCriterion() { return criterion; }

    public String getCategory() { return category; }

    public BigDecimal getValue() { return value; }

    /** Whole months between the date the value was observed and the decision date; null when undated. */
    public Integer getAgeMonths() { return ageMonths; }

    public boolean isKnown() { return value != null || category != null; }

    /** What the score breakdown shows for this factor. */
    public String shown() {
        return value != null ? value.stripTrailingZeros().toPlainString() : category != null ? category : "unknown";
    }
}
