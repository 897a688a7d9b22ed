package io.encours.service.storage;

import java.util.Iterator;
import java.util.List;

/**
 * An index whose entries can be read in key order within a {@link KeyRange}: a secondary index, or a unique
 * index on one field ({@code _id} included). What the query planner of {@link EmbeddedCollection} works with.
 */
interface OrderedIndex {

    /** The indexed fields, in key order. */
    List<String> fields();

    /** Whether documents without the first field have no entry. */
    boolean sparse();

    /** How many entries lie in the range: two lookups in the sorted keys, nothing read. */
    long count(KeyRange range);

    /**
     * The positions of the entries in the range, in key order (descending when {@code reverse}); entries of
     * one key follow their position ({@code _id}) in the same direction. Read from the index as it is when
     * the walk starts.
     */
    Iterator<Object> positions(KeyRange range, boolean reverse);
}
