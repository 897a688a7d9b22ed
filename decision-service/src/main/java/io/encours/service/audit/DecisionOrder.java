package io.encours.service.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * The order of the auditors' search of decisions and its keyset cursor, kept by the audit store (the cursor holds
 * a stored field's value). The cursor is the last item's sort key and decision id:
 * the next page starts strictly after that pair, so decisions recorded while an auditor pages (they get
 * new ids and, usually, later times) neither repeat nor push earlier ones out of the pages still to come.
 * Decisions without an amount come first by amount ascending and last descending, as MongoDB sorts nulls.
 */
public enum DecisionOrder {
    RECEIVED_AT_ASC(AuditDocuments.RECEIVED_AT, true),
    RECEIVED_AT_DESC(AuditDocuments.RECEIVED_AT, false),
    AMOUNT_ASC("amount", true),
    AMOUNT_DESC("amount", false);

    private static final String ID = AuditDocuments.ID;
    private final String field;
    private final boolean ascending;

    DecisionOrder(String field, boolean ascending) {
        this.field = field;
        this.ascending = ascending;
    }

    /**
     * {@code receivedAt}, {@code -receivedAt}, {@code amount} or {@code -amount}.
     *
     * @throws IllegalArgumentException any other text, saying what is expected
     */
    public static DecisionOrder parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return RECEIVED_AT_DESC;
        }
        return switch (sort) {
            case "receivedAt" -> RECEIVED_AT_ASC;
            case "-receivedAt" -> RECEIVED_AT_DESC;
            case "amount" -> AMOUNT_ASC;
            case "-amount" -> AMOUNT_DESC;
            default -> throw new IllegalArgumentException("must be receivedAt, -receivedAt, amount or -amount");
        };
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

    /**
     * The condition "after the cursor" in this order.
     *
     * @throws IllegalArgumentException a cursor not returned by this search in this order, saying so
     */
    Bson after(String cursor) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this search");
        }
        if (parts.length != 3 || !parts[0].equals(name())) {
            throw new IllegalArgumentException("is not a cursor of this search and sort order");
        }
        String id = parts[2];
        Object key;
        try {
            key = parts[1].equals("~") ? null
                    : field.equals(AuditDocuments.RECEIVED_AT) ? new Date(Long.parseLong(parts[1]))
                    : new Decimal128(new BigDecimal(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a cursor returned by this search");
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
