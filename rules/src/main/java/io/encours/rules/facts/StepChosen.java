package io.encours.rules.facts;

/** The dunning step chosen among the ladder's proposals, inserted so later rules can weigh it. */
public final class StepChosen {
    private final int level;
    private final int daysToNext;

    public StepChosen(int level, int daysToNext) {
        this.level = level;
        this.daysToNext = daysToNext;
    }

    public int getLevel() { return level; }

    public int getDaysToNext() { return daysToNext; }
}
