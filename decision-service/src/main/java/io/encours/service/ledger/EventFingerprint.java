package io.encours.service.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of an event, for idempotency: the same {@code eventId} with the same fingerprint is a
 * duplicate (harmless), with another fingerprint a conflict (refused).
 *
 * <p>Taken from the parsed event, not from the bytes sent, so that what does not change the meaning does not
 * change the fingerprint: field order, {@code 100} vs {@code "100.00"}, an absent optional field vs
 * {@code null}. The canonical text is {@code TYPE|name=value|...} over the record's components in declaration
 * order, amounts without trailing zeros, lists in their order (an allocation's order does not matter to the
 * ledger but a sender resending the same event sends it the same way), hashed with SHA-256.
 */
public final class EventFingerprint {
    /** Each record class's components (name and accessor), read once: reflection per event cost more than the hash. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] out = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                out[i] = new Component(components[i].getName(), components[i].getAccessor());
            }
            return out;
        }
    };

    private record Component(String name, Method accessor) {
    }

    private EventFingerprint() {
    }

    public static String of(LedgerEvent event) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical(event).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The text hashed, for tests and for a person comparing two conflicting events. */
    static String canonical(LedgerEvent event) {
        StringBuilder canonical = new StringBuilder(event.type());
        append(canonical, (Record) event);
        return canonical.toString();
    }

    private static void append(StringBuilder out, Record record) {
        for (Component c : COMPONENTS.get(record.getClass())) {
            Object value;
            try {
                value = c.accessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            out.append('|').append(c.name()).append('=');
            value(out, value);
        }
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append('~');
        } else if (value instanceof BigDecimal b) {
            out.append(b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString());
        } else if (value instanceof Record r) {
            out.append('{');
            append(out, r);
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Object item : list) {
                value(out, item);
                out.append(',');
            }
            out.append(']');
        } else {
            // ids may contain the separators: length-prefix them so "a|b" and "a" + "b" cannot collide
            String s = value.toString();
            out.append(s.length()).append(':').append(s);
        }
    }
}
