package io.encours.service.auditor;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.service.web.Problems;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * The order of a search and its keyset cursor. The cursor is the last item's sort key and decision id:
 * the next page starts strictly after that pair, so decisions recorded while an auditor pages (they get
 * new ids and, usually, later times) neither repeat nor push earlier ones out of the pages still to come.
 * Decisions without an amount come first by amount ascending and last descending, as MongoDB sorts nulls.
 */
enum DecisionOrder {
    RECEIVED_AT_ASC("receivedAt", true),
    RECEIVED_AT_DESC("receivedAt", false),
    AMOUNT_ASC("amount", true),
    AMOUNT_DESC("amount", false);

    private static final String ID = "_id";
    private final String field;
    private final boolean ascending;

    DecisionOrder(String field, boolean ascending) {
        this.field = field;
        this.ascending = ascending;
    }

    /** {@code receivedAt}, {@code -receivedAt}, {@code amount} or {@code -amount}. */
    static DecisionOrder parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return RECEIVED_AT_DESC;
        }
        switch (sort) {
            case "receivedAt":
                return RECEIVED_AT_ASC;
            case "-receivedAt":
                return RECEIVED_AT_DESC;
            case "amount":
                return AMOUNT_ASC;
            case "-amount":
                return AMOUNT_DESC;
            default:
                throw Problems.invalidField("sort", "must be receivedAt, -receivedAt, amount or -amount");
        }
    }

    Bson sort() {
        return ascending ? Sorts.ascending(field, ID) : Sorts.descending(field, ID);
    }

    /** The opaque cursor pointing after {@code last}. */
    String cursorAfter(Document last) {
        Object key = last.get(field);
        String keyText;
        if (key instanceof Date d) {
            keyText = Long.toString(d.getTime());
        } else if (key instanceof Decimal128 dec) {
            keyText = dec.bigDecimalValue().toPlainString();
        } else {
            keyText = "~";
        }
        String raw = name() + "\n" + keyText + "\n" + last.getString(ID);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The condition "after the cursor" in this order. */
    Bson after(String cursor) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("cursor", "is not a cursor returned by this search");
        }
        if (parts.length != 3 || !parts[0].equals(name())) {
            throw Problems.invalidField("cursor", "is not a cursor of this search and sort order");
        }
        String id = parts[2];
        Object key;
        try {
            key = parts[1].equals("~") ? null
                    : field.equals("receivedAt") ? new Date(Long.parseLong(parts[1]))
                    : new Decimal128(new BigDecimal(parts[1]));
        } catch (NumberFormatException e) {
            throw Problems.invalidField("cursor", "is not a cursor returned by this search");
        }
        Bson sameKeyLaterId = Filters.and(Filters.eq(field, key), ascending ? Filters.gt(ID, id) : Filters.lt(ID, id));
        if (key == null) {
            // Nulls sort first: ascending, every non-null key is still to come; descending, none is.
            return ascending ? Filters.or(sameKeyLaterId, Filters.ne(field, null)) : sameKeyLaterId;
        }
        Bson laterKey = ascending ? Filters.gt(field, key) : Filters.lt(field, key);
        return ascending || !field.equals("amount")
                ? Filters.or(laterKey, sameKeyLaterId)
                : Filters.or(laterKey, sameKeyLaterId, Filters.eq(field, null));
    }
}
