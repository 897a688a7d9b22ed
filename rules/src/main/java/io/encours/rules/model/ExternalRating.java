package io.encours.rules.model;

import java.time.LocalDate;

/** A score from a data provider (Creditsafe, Altares, Ellisphere, D&amp;B...) on a 0-100 scale, with its date. */
public record ExternalRating(String provider, int score, LocalDate ratedOn) {
    public ExternalRating {
        if (score < 0 || score > 100) {
            throw new InvalidFact("score", "must be between 0 and 100");
        }
    }
}
