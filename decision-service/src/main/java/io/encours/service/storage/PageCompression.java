package io.encours.service.storage;

import org.h2.mvstore.MVStore;

/**
 * How the embedded store compresses the pages it writes. A page holds up to 16 documents of one collection,
 * whose field names and most values repeat from one record to the next, so it compresses well. Pages are
 * marked one by one: a file written with one setting is read with any other, and a change applies to the
 * pages written from then on (compaction rewrites old ones as it goes).
 */
public enum PageCompression {
    /** Pages as they are. */
    NONE,
    /** LZF ({@code MVStore.Builder.compress()}): fast, about half the bytes of an audit record. */
    FAST,
    /** Deflate ({@code MVStore.Builder.compressHigh()}): fewer bytes, more CPU per commit. */
    HIGH;

    MVStore.Builder apply(MVStore.Builder builder) {
        return switch (this) {
            case NONE -> builder;
            case FAST -> builder.compress();
            case HIGH -> builder.compressHigh();
        };
    }
}
