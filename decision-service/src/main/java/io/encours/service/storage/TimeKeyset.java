package io.encours.service.storage;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The paging of a trail searched by one time field and the document id (holds by {@code openedAt}, hold, policy
 * and administration actions by {@code at}), with the keyset cursor of the decision search: the next page starts
 * strictly after the last item's (time, id), so records added while an auditor pages neither repeat nor push
 * earlier ones out of the pages still to come. The owning store names the time field and runs the query on its
 * collection ({@link Find}); this class opens none.
 */
public final class TimeKeyset {
    private static final String ID = "_id";

    /** The owning store's read of its collection. */
    @FunctionalInterface
    public interface Find {
        List<Document> find(Bson query, Bson sort, int limit);
    }

    private final String timeField;

    public TimeKeyset(String timeField) {
        this.timeField = timeField;
    }

    /** Adds the time range [from, to) on the time field to {@code criteria}, each bound when given. */
    public void addRange(List<Bson> criteria, Instant from, Instant to) {
        if (from != null) {
            criteria.add(Filters.gte(timeField, Date.from(from)));
        }
        if (to != null) {
            criteria.add(Filters.lt(timeField, Date.from(to)));
        }
    }

    /**
     * At most {@code size} records matching every one of {@code criteria}, in {@code order}, after {@code cursor}
     * (a {@link TrailPage#nextCursor()} of the same search and order) when given.
     *
     * @throws IllegalArgumentException the cursor was not returned by this search in this order, saying so
     */
    public TrailPage page(Find find, List<Bson> criteria, TimeOrder order, String cursor, int size) {
        boolean ascending = order == TimeOrder.OLDEST_FIRST;
        List<Bson> all = new ArrayList<>(criteria);
        if (cursor != null && !cursor.isBlank()) {
            all.add(after(cursor, ascending));
        }
        Bson query = all.isEmpty() ? Filters.empty() : Filters.and(all);
        Bson sort = ascending ? Sorts.ascending(timeField, ID) : Sorts.descending(timeField, ID);
        List<Document> found = find.find(query, sort, size + 1);
        if (found.size() <= size) {
            return new TrailPage(found, null);
        }
        return new TrailPage(new ArrayList<>(found.subList(0, size)), cursorAfter(found.get(size - 1), ascending));
    }

    private String cursorAfter(Document last, boolean ascending) {
        Date time = last.getDate(timeField);
        String raw = (ascending ? "asc" : "desc") + "\n" + time.getTime() + "\n" + last.getString(ID);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private Bson after(String cursor, boolean ascending) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this search");
        }
        if (parts.length != 3 || !parts[0].equals(ascending ? "asc" : "desc")) {
            throw new IllegalArgumentException("is not a cursor of this search and sort order");
        }
        Date time;
        try {
            time = new Date(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a cursor returned by this search");
        }
        Bson sameTimeLaterId = Filters.and(Filters.eq(timeField, time),
                ascending ? Filters.gt(ID, parts[2]) : Filters.lt(ID, parts[2]));
        return Filters.or(ascending ? Filters.gt(timeField, time) : Filters.lt(timeField, time), sameTimeLaterId);
    }
}
