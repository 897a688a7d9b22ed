package io.encours.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class SealedRecordTest {
    private static Document record() {
        return new Document("_id", "019a4c1e-5b7f-7a3c-9d2e-4f1a2b3c4d5e")
                .append("schema", 1)
                .append("receivedAt", Date.from(Instant.parse("2026-11-23T10:15:30.123Z")))
                .append("orderId", null)
                .append("amount", new Decimal128(new BigDecimal("20000.00")))
                .append("score", 96)
                .append("totalNanos", 1_234_567_890_123L)
                .append("insured", true)
                .append("reasonCodes", List.of("RISK_CLASS_A", "ORDER_WITHIN_POLICY"))
                .append("policy", new Document("id", "credit-policy-fr").append("version", "2026.1"))
                .append("input", "{\"customer\":{\"name\":\"Soci\\u00e9t\\u00e9\"}}");
    }

    @Test
    void encodesARecordByteForByteAsTheDriversCodecDoes() {
        RawBsonDocument byCodec = new RawBsonDocument(record(), new DocumentCodec());
        byte[] expected = new byte[byCodec.getByteBuffer().remaining()];
        byCodec.getByteBuffer().asNIO().get(expected);

        assertThat(SealedRecord.encode(record())).isEqualTo(expected);
    }

    @Test
    void chainingAppendsTheThreeChainFieldsAfterTheContent() {
        SealedRecord sealed = SealedRecord.seal(record());

        RawBsonDocument chained = sealed.chained(42, "a".repeat(64), "b".repeat(64));

        Document decoded = new DocumentCodec().decode(new org.bson.BsonDocumentReader(chained),
                org.bson.codecs.DecoderContext.builder().build());
        assertThat(decoded.getLong(AuditChain.SEQ)).isEqualTo(42L);
        assertThat(decoded.getString(AuditChain.PREV_HASH)).isEqualTo("a".repeat(64));
        assertThat(decoded.getString(AuditChain.HASH)).isEqualTo("b".repeat(64));
        assertThat(decoded.getString(AuditChain.CONTENT_HASH)).isEqualTo(sealed.contentHash())
                .isEqualTo(AuditChain.contentHashOf(decoded));
        assertThat(decoded.get("amount")).isEqualTo(new Decimal128(new BigDecimal("20000.00")));
    }

    @Test
    void refusesAValueOfAnotherType() {
        assertThatThrownBy(() -> SealedRecord.encode(new Document("x", 1.5d)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Double");
    }
}
