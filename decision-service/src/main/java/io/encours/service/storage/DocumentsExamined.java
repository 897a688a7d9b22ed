package io.encours.service.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many stored documents the embedded server has read to answer queries, counts, updates and deletes, per
 * collection ({@code database.collection}): a document fetched through a unique index counts once, a scan counts
 * every document it passes. Lets a test prove that a query runs on an index (what it examines stays near what it
 * returns, whatever the collection holds). Kept across {@link EmbeddedMongo#restart()}.
 */
final class DocumentsExamined {
    private final Map<String, LongAdder> byCollection = new ConcurrentHashMap<>();

    LongAdder of(String fullName) {
        return byCollection.computeIfAbsent(fullName, name -> new LongAdder());
    }

    long get(String fullName) {
        LongAdder count = byCollection.get(fullName);
        return count == null ? 0 : count.sum();
    }
}
