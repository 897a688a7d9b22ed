package io.encours.service.decision;

import io.encours.rules.policy.Vocabulary;
import io.encours.service.web.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The customer as the caller knows it. Sector and legal form are required and must be codes of the
 * policy's vocabulary (a code the grid does not know would score as neutral). Founding date, rating,
 * financials and payment behaviour may be left out when unknown: the policy scores each missing one as
 * its criterion's worst band.
 */
record CustomerInput(
        @NotNull @Pattern(regexp = Codes.IDENTIFIER, message = Codes.IDENTIFIER_MESSAGE) String id,
        @Size(max = 200) String name,
        @Pattern(regexp = Codes.COUNTRY, message = Codes.COUNTRY_MESSAGE) String country,
        @Schema(description = "One of the sectors of the credit policy in force (its vocabulary.csv)", example = "MANUFACTURING")
        @NotNull @Pattern(regexp = Codes.CODE, message = Codes.CODE_MESSAGE) String sector,
        @Schema(description = "One of the legal forms of the credit policy in force (its vocabulary.csv)", example = "SAS")
        @NotNull @Pattern(regexp = Codes.CODE, message = Codes.CODE_MESSAGE) String legalForm,
        @Schema(description = "Left out: years in business unknown, scored by the policy as the worst band of its criterion (reason MISSING_DATA_SCORED_WORST)")
        @PastOrPresent LocalDate foundingDate,
        @Schema(description = "Left out: no rating, scored by the policy as the worst band of its criterion (reason MISSING_DATA_SCORED_WORST)")
        @Valid ExternalRatingInput externalRating,
        @Schema(description = "Left out: solvency and gearing unknown, each scored by the policy as the worst band of its criterion (reason MISSING_DATA_SCORED_WORST)")
        @Valid FinancialsInput financials,
        @Schema(description = "Left out: incidents and days late unknown, each scored by the policy as the worst band of its criterion (reason MISSING_DATA_SCORED_WORST); a dunning request treats the debtor as recurrently late")
        @Valid PaymentBehaviourInput paymentBehaviour,
        @NotNull @Valid CreditAccountInput creditAccount) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * Adds what depends on the policy or on a list: sector and legal form among the policy's codes, the
     * country an ISO 3166 code. {@code prefix} is the customer's path in the body.
     */
    void checkCodes(List<FieldProblem> problems, String prefix, Vocabulary vocabulary) {
        checkCode(problems, prefix, "sector", sector, vocabulary);
        checkCode(problems, prefix, "legalForm", legalForm, vocabulary);
        if (country != null && country.matches(Codes.COUNTRY) && !COUNTRIES.contains(country)) {
            problems.add(new FieldProblem(prefix + ".country", "'" + country + "' " + Codes.COUNTRY_MESSAGE));
        }
    }

    private static void checkCode(List<FieldProblem> problems, String prefix, String field, String code,
                                  Vocabulary vocabulary) {
        String key = "customer." + field;
        if (code != null && !vocabulary.allows(key, code)) {
            problems.add(new FieldProblem(prefix + "." + field, "'" + code + "' is not one of the credit policy's codes: "
                    + String.join(", ", vocabulary.codes(key))));
        }
    }
}
