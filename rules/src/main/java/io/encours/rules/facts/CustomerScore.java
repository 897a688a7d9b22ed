package io.encours.rules.facts;

/** The customer's total score, inserted once every grid row has been applied. */
public final class CustomerScore {
    private final int score;

    public CustomerScore(int score) { this.score = score; }

    public int getScore() { return score; }
}
