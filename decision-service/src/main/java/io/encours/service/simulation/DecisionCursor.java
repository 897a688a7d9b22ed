package io.encours.service.simulation;

import com.mongodb.client.MongoCursor;
import io.encours.service.audit.AuditReadStore;
import io.encours.service.audit.AuditReadStore.Replayed;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions of a simulation's window, read through the audit store a chunk at a time (only the fields a
 * re-evaluation needs). The result does not depend on the order the decisions come in, so none is asked
 * for: sorting made the embedded store hold every matching document whole until the last one was read.
 */
final class DecisionCursor implements AutoCloseable {
    private final long total;
    private final MongoCursor<Replayed> cursor;

    private DecisionCursor(long total, MongoCursor<Replayed> cursor) {
        this.total = total;
        this.cursor = cursor;
    }

    static DecisionCursor open(AuditReadStore trail, Simulation s) {
        List<String> types = s.types().stream().map(Enum::name).toList();
        long total = trail.countReceived(s.from(), s.to(), types);
        return new DecisionCursor(total, trail.received(s.from(), s.to(), types));
    }

    /** How many decisions the window holds, counted before reading (what was read is the exact number). */
    long total() {
        return total;
    }

    boolean hasNext() {
        return cursor.hasNext();
    }

    /** The next decisions, at most {@code size}; fewer only at the end. */
    List<Replayed> next(int size) {
        List<Replayed> chunk = new ArrayList<>(size);
        while (chunk.size() < size && cursor.hasNext()) {
            chunk.add(cursor.next());
        }
        return chunk;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
