package io.encours.service.storage;

import com.mongodb.WriteConcern;

/**
 * Durability on a real MongoDB: writes are acknowledged only once journaled ({@code j: true}), by a
 * majority of the replica set unless configured otherwise, so nothing more is needed after the
 * acknowledgement.
 */
final class JournaledWrites implements WriteDurability {
    private final WriteConcern writeConcern;

    JournaledWrites(String w) {
        WriteConcern base = w.chars().allMatch(Character::isDigit)
                ? new WriteConcern(Integer.parseInt(w)) : new WriteConcern(w);
        this.writeConcern = base.withJournal(true);
    }

    @Override
    public WriteConcern writeConcern() {
        return writeConcern;
    }

    @Override
    public void makeAcknowledgedWritesDurable() {
        // The journaled write concern already waited for the journal.
    }

    @Override
    public String mode() {
        return "mongodb";
    }
}
