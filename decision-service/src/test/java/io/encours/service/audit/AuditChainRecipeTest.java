package io.encours.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/**
 * The content hash against a value computed independently, with Python's
 * {@code json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} and {@code hashlib.sha256}
 * over the record as the JSON Lines export shows it (docs/audit.md): escapes, non-ASCII text, control
 * characters, numbers, dates, amounts, nesting and the chain fields left out.
 */
class AuditChainRecipeTest {
    private static final String INPUT = "{\"a\":\"caf\\u00e9 \\\\ \\\"q\\\"\"}\n\ttab";
    private static final String TEXT = "é\u2028\u0001\u001f\u007f<>&'";

    private static Document record() {
        return new Document("_id", "01a2")
                .append("amount", new Decimal128(new java.math.BigDecimal("1234.50")))
                .append("receivedAt", Date.from(Instant.parse("2026-11-23T10:15:30.123Z")))
                .append("input", INPUT)
                .append("text", TEXT)
                .append("n", 42)
                .append("big", 9007199254740993L)
                .append("ok", true)
                .append("none", null)
                .append("list", List.of("x", 1, new Document("b", 2).append("a", List.of())))
                .append("policy", new Document("version", "2026.1").append("id", "p"))
                .append(AuditChain.CONTENT_HASH, "left out")
                .append(AuditChain.SEQ, 7L)
                .append(AuditChain.PREV_HASH, "left out")
                .append(AuditChain.HASH, "left out");
    }

    @Test
    void contentHashIsTheSha256OfPythonsCanonicalJson() {
        assertThat(AuditChain.contentHashOf(record()))
                .isEqualTo("cb328333a06f3587e62a0cb3fbb987b572775735b1645b67677dd30d31cdef47");
    }

    @Test
    void canonicalJsonIsWhatPythonWrites() {
        Document withoutChain = record();
        withoutChain.keySet().removeAll(List.of(AuditChain.CONTENT_HASH, AuditChain.SEQ, AuditChain.PREV_HASH,
                AuditChain.HASH));
        assertThat(AuditChain.canonicalJson(withoutChain)).isEqualTo("{\"_id\":\"01a2\",\"amount\":\"1234.50\","
                + "\"big\":9007199254740993,\"input\":\"{\\\"a\\\":\\\"caf\\\\u00e9 \\\\\\\\ \\\\\\\"q\\\\\\\"\\\"}\\n\\ttab\","
                + "\"list\":[\"x\",1,{\"a\":[],\"b\":2}],\"n\":42,\"none\":null,\"ok\":true,"
                + "\"policy\":{\"id\":\"p\",\"version\":\"2026.1\"},\"receivedAt\":\"2026-11-23T10:15:30.123Z\","
                + "\"text\":\"é\u2028\\u0001\\u001f\u007f<>&'\"}");
    }

    @Test
    void theLinkHashesPreviousHashSequenceAndContentHash() {
        // python3 -c 'import hashlib; print(hashlib.sha256(("0"*64 + ":1:" + "ab"*32).encode()).hexdigest())'
        assertThat(AuditChain.link(AuditChain.GENESIS, 1, "ab".repeat(32)))
                .isEqualTo("5b8749b217ee7dc04ba44c7079cd8554ced75e2dd01324bbaf5b3a4e2769c457");
    }
}
