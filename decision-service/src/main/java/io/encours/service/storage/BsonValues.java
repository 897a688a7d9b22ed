package io.encours.service.storage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.types.Decimal128;

/**
 * The conversions every feature's documents mapper needs, in one place: money as Decimal128 (exact, and
 * compared numerically by MongoDB), instants as BSON dates, calendar days as "yyyy-MM-dd" strings (no time
 * zone to get wrong, and they sort as text). Each accepts and returns null for a field that is not set.
 */
public final class BsonValues {
    private BsonValues() {
    }

    public static Decimal128 decimal128(BigDecimal value) {
        return value == null ? null : new Decimal128(value.round(MathContext.DECIMAL128));
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

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    public static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    public static LocalDate localDate(String day) {
        return day == null ? null : LocalDate.parse(day);
    }
}
