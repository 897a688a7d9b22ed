package io.encours.service;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The whole service on a random port, with the default policy and the embedded store in a fresh folder
 * under target/. Every full-stack test class extends this one unchanged, so they share one running
 * application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "encours.storage.data-dir=target/test-data/${random.uuid}")
public abstract class FullStackTest {

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoTemplate mongo;

    protected TestApi api() {
        return new TestApi(port);
    }

    /** How many decisions the audit trail holds. */
    protected long auditRecords() {
        return mongo.count(new Query(), "decisions");
    }

    protected org.bson.Document auditRecord(String decisionId) {
        return mongo.findById(decisionId, org.bson.Document.class, "decisions");
    }
}
