package io.encours.service.audit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The hash chain of the audit trail (docs/audit.md, "Tamper evidence"). Every decision record carries
 * {@code contentHash}: the SHA-256, in lower-case hex, of the UTF-8 bytes of the record's canonical JSON
 * without its four chain fields; {@code chainSeq} (1, 2, 3... in write order); {@code prevHash} (the
 * {@code hash} of record {@code chainSeq - 1}, or 64 zeros for the first); and {@code hash}: the SHA-256 of
 * {@code prevHash + ":" + chainSeq + ":" + contentHash}. The content hash is computed by the thread that made
 * the decision, so the one writer thread that links the records in order only hashes a short line each.
 *
 * <p>Canonical JSON is what Python's {@code json.dumps(record, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)} writes, over the record as the JSON Lines export shows it: keys sorted, no spaces,
 * strings escaped only where JSON requires it ({@code "}, {@code \}, control characters), integers as
 * integers, amounts (Decimal128) as decimal strings in plain notation, times (BSON dates) as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} strings in UTC, nested documents as objects, arrays as arrays.
 */
public final class AuditChain {
    public static final String SEQ = "chainSeq";
    public static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";
    public static final String CONTENT_HASH = "contentHash";
    /** The fields the chain adds to a record, left out of its content hash. */
    private static final Set<String> CHAIN_FIELDS = Set.of(SEQ, PREV_HASH, HASH, CONTENT_HASH);
    public static final String GENESIS = "0".repeat(64);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /**
     * The hash a stored record must carry, recomputed from its content, {@code prevHash} and {@code chainSeq}
     * (its stored {@code contentHash} is not trusted).
     */
    public static String hashOf(Document record) {
        Object seq = record.get(SEQ);
        return link(record.getString(PREV_HASH), seq instanceof Number n ? n.longValue() : -1, contentHashOf(record));
    }

    /** Over every field of the record but the chain's. */
    public static String contentHashOf(Map<String, Object> record) {
        StringBuilder out = new StringBuilder(4096);
        writeObject(record, out, CHAIN_FIELDS);
        return sha256(out.toString());
    }

    /**
     * Checks one stored record by itself: its content against its {@code contentHash}, and its {@code hash}
     * against its {@code prevHash}, {@code chainSeq} and content. A record with none of the hash fields is
     * UNSEALED; one with some of them missing, or any that does not match, ALTERED. Whether the record before
     * it still carries {@code prevHash}, and whether any record is missing, only the chain walk tells.
     */
    public static Integrity integrityOf(Document record) {
        Object storedContentHash = record.get(CONTENT_HASH);
        Object storedHash = record.get(HASH);
        if (storedContentHash == null && storedHash == null && record.get(SEQ) == null
                && record.get(PREV_HASH) == null) {
            return Integrity.UNSEALED;
        }
        String contentHash = contentHashOf(record);
        if (!contentHash.equals(storedContentHash) || !(record.get(SEQ) instanceof Number seq)
                || !(record.get(PREV_HASH) instanceof String prevHash)) {
            return Integrity.ALTERED;
        }
        return link(prevHash, seq.longValue(), contentHash).equals(storedHash) ? Integrity.WHOLE : Integrity.ALTERED;
    }

    /** The hash of record {@code seq}, linking its content to the record before it. */
    public static String link(String prevHash, long seq, String contentHash) {
        return sha256(prevHash + ":" + seq + ":" + contentHash);
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: {@code MessageDigest.getInstance} looks the provider up on every call. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The record as one line of canonical JSON, {@code hash} included: a line of the JSON Lines export. */
    public static String canonicalJson(Document record) {
        StringBuilder out = new StringBuilder(4096);
        writeObject(record, out, Set.of());
        return out.toString();
    }

    /** A stored value as the export shows it: the same conversion the hash is computed over. */
    public static Object exportValue(Object value) {
        if (value instanceof Date d) {
            return TIME.format(d.toInstant());
        }
        if (value instanceof Decimal128 d) {
            return plain(d);
        }
        return value;
    }

    private static String plain(Decimal128 d) {
        BigDecimal v = d.bigDecimalValue();
        return v.toPlainString();
    }

    private static void writeObject(Map<String, Object> map, StringBuilder out, Set<String> skip) {
        TreeMap<String, Object> sorted = new TreeMap<>(map);
        sorted.keySet().removeAll(skip);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(e.getKey(), out);
            out.append(':');
            writeValue(e.getValue(), out);
        }
        out.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Date || value instanceof Decimal128) {
            writeString((String) exportValue(value), out);
        } else if (value instanceof Map<?, ?> m) {
            writeObject((Map<String, Object>) m, out, Set.of());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(list.get(i), out);
            }
            out.append(']');
        } else {
            // Doubles and other BSON types are not written by the service; hash their text so nothing is skipped.
            writeString(value.getClass().getSimpleName() + ":" + value, out);
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        // Runs of characters that need no escape are copied at once (JSON text inside a record is mostly such runs).
        int from = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, from, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            from = i + 1;
        }
        out.append(s, from, length);
        out.append('"');
    }
}
