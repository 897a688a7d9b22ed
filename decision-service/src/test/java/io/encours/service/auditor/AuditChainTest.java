package io.encours.service.auditor;

import static io.encours.service.auditor.AuditorFixtures.decision;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import io.encours.service.audit.AuditChain;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tamper evidence: records altered or deleted directly in MongoDB are found by the verification endpoint. */
class AuditChainTest extends FullStackTest {

    @Autowired
    AuditTrail trail;

    /** Ten decisions, one after the other, one second apart from {@code day}T10:00:00Z. */
    private List<AuditRecord> tenDecisions(String day) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AuditRecord r = decision().customer("AUD-CHAIN").outcome(i % 2 == 0 ? "APPROVE" : "BLOCK")
                    .at(Instant.parse(day + "T10:00:00Z").plusSeconds(i)).build();
            trail.record(r);
            records.add(r);
        }
        return records;
    }

    private JsonNode verify(String day) {
        TestApi.Response response = api().as("auditor", "secret-auditor")
                .get("/api/v1/audit/verify?from=" + day + "T00:00:00Z&to=" + day + "T23:59:59Z");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private MongoCollection<Document> decisions() {
        return mongo.getCollection("decisions");
    }

    private long seqOf(AuditRecord r) {
        return auditRecord(r.decisionId()).getLong(AuditChain.SEQ);
    }

    @Test
    void each_record_is_linked_to_the_one_written_before_it() {
        List<AuditRecord> records = tenDecisions("2031-03-01");

        for (int i = 1; i < records.size(); i++) {
            Document previous = auditRecord(records.get(i - 1).decisionId());
            Document current = auditRecord(records.get(i).decisionId());
            assertThat(current.getLong(AuditChain.SEQ)).isEqualTo(previous.getLong(AuditChain.SEQ) + 1);
            assertThat(current.getString(AuditChain.PREV_HASH)).isEqualTo(previous.getString(AuditChain.HASH));
            assertThat(current.getString(AuditChain.HASH)).hasSize(64).isEqualTo(AuditChain.hashOf(current));
        }
        JsonNode report = verify("2031-03-01");
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("checked").asLong()).isEqualTo(10);
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("lastHash").asString())
                .isEqualTo(auditRecord(records.get(9).decisionId()).getString(AuditChain.HASH));
    }

    @Test
    void a_changed_field_and_a_deleted_record_are_both_found() {
        List<AuditRecord> records = tenDecisions("2031-03-02");
        AuditRecord altered = records.get(3);
        AuditRecord deleted = records.get(7);
        long deletedSeq = seqOf(deleted);

        decisions().updateOne(Filters.eq("_id", altered.decisionId()), Updates.set("outcome", "APPROVE"));
        decisions().deleteOne(Filters.eq("_id", deleted.decisionId()));

        JsonNode report = verify("2031-03-02");
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("checked").asLong()).isEqualTo(9);
        JsonNode problems = report.get("problems");
        assertThat(problems).as(problems.toString()).hasSize(2);
        assertThat(problems.get(0).get("kind").asString()).isEqualTo("ALTERED");
        assertThat(problems.get(0).get("decisionId").asString()).isEqualTo(altered.decisionId());
        assertThat(problems.get(0).get("chainSeq").asLong()).isEqualTo(seqOf(altered));
        assertThat(problems.get(1).get("kind").asString()).isEqualTo("MISSING");
        assertThat(problems.get(1).get("chainSeq").asLong()).isEqualTo(deletedSeq);
        assertThat(problems.get(1).get("previousDecisionId").asString()).isEqualTo(records.get(6).decisionId());
        assertThat(problems.get(1).get("decisionId").asString()).isEqualTo(records.get(8).decisionId());
        assertThat(report.get("firstProblem")).isEqualTo(problems.get(0));
    }

    @Test
    void a_record_altered_with_its_hash_recomputed_breaks_the_link_to_the_next() {
        List<AuditRecord> records = tenDecisions("2031-03-03");
        Document forged = auditRecord(records.get(4).decisionId());
        forged.put("amount", new org.bson.types.Decimal128(new java.math.BigDecimal("1.00")));
        forged.put(AuditChain.HASH, AuditChain.hashOf(forged));
        decisions().replaceOne(Filters.eq("_id", forged.getString("_id")), forged);

        JsonNode problems = verify("2031-03-03").get("problems");

        assertThat(problems).as(problems.toString()).hasSize(1);
        assertThat(problems.get(0).get("kind").asString()).isEqualTo("BROKEN_LINK");
        assertThat(problems.get(0).get("decisionId").asString()).isEqualTo(records.get(5).decisionId());
        assertThat(problems.get(0).get("previousDecisionId").asString()).isEqualTo(records.get(4).decisionId());
    }

    @Test
    void a_deleted_first_record_of_the_range_is_found_through_its_successor() {
        List<AuditRecord> records = tenDecisions("2031-03-04");
        long firstSeq = seqOf(records.get(0));
        // The day's first record goes: the range now starts at the second, whose predecessor must exist.
        decisions().deleteOne(Filters.eq("_id", records.get(0).decisionId()));

        JsonNode report = verify("2031-03-04");

        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("firstProblem").get("kind").asString()).isEqualTo("MISSING");
        assertThat(report.get("firstProblem").get("chainSeq").asLong()).isEqualTo(firstSeq);
    }
}
