package io.encours.service.storage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The conversions every feature's {@code *Documents} mapper needs, written once: money as Decimal128, instants as
 * BSON dates, calendar days as "yyyy-MM-dd" strings. Null in, null out, so an optional field maps in one call.
 */
public final class BsonValues {
    private BsonValues() {
    }

    /** Decimal128 holds 34 digits; amounts are validated far below that, computed figures are rounded to it. */
    public static Decimal128 decimal128(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return new Decimal128(value.precision() > 34 ? value.round(MathContext.DECIMAL128) : value);
    }

    /** The amount stored in {@code field}; null when absent or not a Decimal128. */
    public static BigDecimal decimal(Document d, String field) {
        return d.get(field) instanceof Decimal128 dec ? dec.bigDecimalValue() : null;
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** The instant stored in {@code field}; null when absent. */
    public static Instant instant(Document d, String field) {
        return instant(d.getDate(field));
    }

    /** A calendar day as stored: "yyyy-MM-dd". */
    public static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    /** The calendar day stored in {@code field} as "yyyy-MM-dd"; null when absent. */
    public static LocalDate day(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    /** A whole number stored in {@code field} whatever its BSON width; 0 when absent. */
    public static long number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0L;
    }

    /** A stored amount back as BigDecimal, whatever number type an older writer or a tool left there. */
    public static BigDecimal bigDecimal(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (stored instanceof BigDecimal d) {
            return d;
        }
        if (stored instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(stored.toString());
    }

    /** A calendar day stored as "yyyy-MM-dd"; null in, null out. */
    public static LocalDate localDate(String day) {
        return day == null ? null : LocalDate.parse(day);
    }
}
