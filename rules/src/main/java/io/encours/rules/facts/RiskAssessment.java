package io.encours.rules.facts;

import java.math.BigDecimal;

/** The risk class the policy assigned, inserted after the class table so later checks can use it. */
public final class RiskAssessment {
    private final String riskClass;
    private final BigDecimal maxOrderAmount;
    private final int standardTermsDays;
    private final BigDecimal recommendedLimit;

    public RiskAssessment(String riskClass, BigDecimal maxOrderAmount, int standardTermsDays,
                          BigDecimal recommendedLimit) {
        this.riskClass = riskClass;
        this.recommendedLimit = recommendedLimit;
        this.maxOrderAmount = maxOrderAmount;
        this.standardTermsDays = standardTermsDays;
    }

    public String getRiskClass() { return riskClass; }

    public BigDecimal getMaxOrderAmount() { return maxOrderAmount; }

    public int getStandardTermsDays() { return standardTermsDays; }

    /** The class's recommended limit before any cap by revenue. */
    public BigDecimal getRecommendedLimit() { return recommendedLimit; }
}
