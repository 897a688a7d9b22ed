package io.encours.service.auditor;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.service.audit.AuditChain;
import io.encours.service.web.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A search over a trail ordered by one time field and the document id (holds by {@code openedAt}, hold and
 * policy actions by {@code at}), with the keyset cursor of the decision search: the next page starts
 * strictly after the last item's (time, id), so records added while an auditor pages neither repeat nor push
 * earlier ones out of the pages still to come. Items are the stored documents in the export's value forms
 * (times and amounts as strings), the id as {@code idField}.
 */
final class TimeOrderedSearch {
    private static final String ID = "_id";

    /** One page of a trail, read by the store of the feature that owns it. */
    @FunctionalInterface
    interface Trail {
        List<Document> find(Bson query, Bson sort, int limit);
    }

    private final Trail trail;
    private final String timeField;
    private final String idField;

    TimeOrderedSearch(Trail trail, String timeField, String idField) {
        this.trail = trail;
        this.timeField = timeField;
        this.idField = idField;
    }

    /** {@code sort}: the time field (oldest first) or {@code -} and the time field (newest first, the default). */
    AuditorController.Page search(List<Bson> filters, String sort, String cursor, int size,
                                  UnaryOperator<Map<String, Object>> shown) {
        if (size < 1 || size > 1000) {
            throw Problems.invalidField("size", "must be between 1 and 1000");
        }
        boolean ascending = ascending(sort);
        List<Bson> all = new ArrayList<>(filters);
        if (cursor != null && !cursor.isBlank()) {
            all.add(after(cursor, ascending));
        }
        Bson query = all.isEmpty() ? Filters.empty() : Filters.and(all);
        Bson order = ascending ? Sorts.ascending(timeField, ID) : Sorts.descending(timeField, ID);
        List<Document> found = trail.find(query, order, size + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < found.size() && i < size; i++) {
            items.add(shown.apply(item(found.get(i))));
        }
        String next = found.size() > size ? cursorAfter(found.get(size - 1), ascending) : null;
        return new AuditorController.Page(items, next);
    }

    /** The time range [from, to) on the time field, when given. */
    List<Bson> timeRange(Instant from, Instant to) {
        List<Bson> range = new ArrayList<>();
        if (from != null) {
            range.add(Filters.gte(timeField, Date.from(from)));
        }
        if (to != null) {
            range.add(Filters.lt(timeField, Date.from(to)));
        }
        return range;
    }

    private boolean ascending(String sort) {
        if (sort == null || sort.isBlank() || sort.equals("-" + timeField)) {
            return false;
        }
        if (sort.equals(timeField)) {
            return true;
        }
        throw Problems.invalidField("sort", "must be " + timeField + " or -" + timeField);
    }

    private Map<String, Object> item(Document d) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(idField, d.get(ID));
        for (Map.Entry<String, Object> e : d.entrySet()) {
            if (!e.getKey().equals(ID)) {
                item.put(e.getKey(), AuditChain.exportValue(e.getValue()));
            }
        }
        return item;
    }

    private String cursorAfter(Document last, boolean ascending) {
        Date time = last.getDate(timeField);
        String raw = (ascending ? "asc" : "desc") + "\n" + time.getTime() + "\n" + last.getString(ID);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private Bson after(String cursor, boolean ascending) {
        String[] parts;
        Date time;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
            if (parts.length != 3 || !parts[0].equals(ascending ? "asc" : "desc")) {
                throw Problems.invalidField("cursor", "is not a cursor of this search and sort order");
            }
            time = new Date(Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("cursor", "is not a cursor returned by this search");
        }
        Bson sameTimeLaterId = Filters.and(Filters.eq(timeField, time),
                ascending ? Filters.gt(ID, parts[2]) : Filters.lt(ID, parts[2]));
        return Filters.or(ascending ? Filters.gt(timeField, time) : Filters.lt(timeField, time), sameTimeLaterId);
    }
}
