// Runs once, when the mongo volume is empty (docker-entrypoint-initdb.d), as the root user.
// Creates the audit collection, its indexes, and the service's user, which may only insert into and read
// the audit collection: it cannot update or delete a decision. It may also move the chain head, a pointer
// to the last record of the hash chain kept in a collection of its own.
const encours = db.getSiblingDB("encours");

encours.createCollection("decisions");
encours.decisions.createIndex({ caller: 1, requestId: 1 }, { name: "caller_requestId_unique", unique: true });
encours.decisions.createIndex({ chainSeq: 1 }, { name: "chainSeq_unique", unique: true, sparse: true });
encours.decisions.createIndex({ customerId: 1, receivedAt: -1 }, { name: "customerId_receivedAt" });
encours.decisions.createIndex({ outcome: 1, receivedAt: -1 }, { name: "outcome_receivedAt" });
encours.decisions.createIndex({ receivedAt: -1 }, { name: "receivedAt" });

encours.createRole({
  role: "auditTrailWriter",
  privileges: [
    { resource: { db: "encours", collection: "decisions" }, actions: ["insert", "find"] },
    // The pointer to the hash chain's end, moved after each group commit (docs/audit.md, "The chain head").
    { resource: { db: "encours", collection: "audit_chain_head" }, actions: ["find", "insert", "update"] }
  ],
  roles: []
});

encours.createUser({
  user: "encours",
  pwd: process.env.ENCOURS_DB_PASSWORD,
  roles: [{ role: "auditTrailWriter", db: "encours" }]
});
