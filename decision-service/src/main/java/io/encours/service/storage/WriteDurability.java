package io.encours.service.storage;

import com.mongodb.WriteConcern;

/**
 * How an acknowledged write becomes durable on the store in use. A real MongoDB makes a write durable
 * before acknowledging it when asked for a journaled write concern; the embedded store needs an
 * explicit commit and sync of its file after the acknowledgement.
 */
public interface WriteDurability {

    /** The write concern to send with writes that must survive a crash. */
    WriteConcern writeConcern();

    /**
     * Returns once every write acknowledged so far survives a crash of this process (and, where the
     * store can promise it, of the machine). Called after each acknowledged batch.
     */
    void makeAcknowledgedWritesDurable();

    /** A short name for health and logs: "embedded" or "mongodb". */
    String mode();

    /** Durability on a real MongoDB: journaled writes acknowledged by {@code w} ("majority" or a number). */
    static WriteDurability journaled(String w) {
        return new JournaledWrites(w);
    }
}
