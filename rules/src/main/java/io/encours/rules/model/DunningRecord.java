package io.encours.rules.model;

import java.time.LocalDate;

/** A dunning step already taken for an invoice: its ladder level, action and date. */
public record DunningRecord(int level, String action, LocalDate on) {
    public DunningRecord {
        InvalidFact.notNegative(level, "level");
        InvalidFact.required(on, "on");
    }
}
