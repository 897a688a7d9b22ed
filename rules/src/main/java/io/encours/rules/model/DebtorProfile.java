package io.encours.rules.model;

/** How a debtor behaves; dunning is adapted to it. */
public enum DebtorProfile { PUNCTUAL, RECURRENTLY_LATE, IN_DIFFICULTY, BAD_FAITH }
