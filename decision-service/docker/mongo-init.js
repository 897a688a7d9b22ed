// Runs once, when the mongo volume is empty (docker-entrypoint-initdb.d), as the root user.
// Creates the audit collection, its indexes, and the service's user, which may only insert into and read
// the audit collection: it cannot update or delete a decision. It may also move the chain head, a pointer
// to the last record of the hash chain kept in a collection of its own, and use its other collections.
const encours = db.getSiblingDB("encours");

encours.createCollection("decisions");
encours.decisions.createIndex({ caller: 1, requestId: 1 }, { name: "caller_requestId_unique", unique: true });
encours.decisions.createIndex({ chainSeq: 1 }, { name: "chainSeq_unique", unique: true, sparse: true });
encours.decisions.createIndex({ customerId: 1, receivedAt: -1 }, { name: "customerId_receivedAt" });
encours.decisions.createIndex({ subjectId: 1, receivedAt: -1 }, { name: "subjectId_receivedAt" });
encours.decisions.createIndex({ outcome: 1, receivedAt: -1 }, { name: "outcome_receivedAt" });
encours.decisions.createIndex({ receivedAt: -1 }, { name: "receivedAt" });

// The service's other collections (accounts, keys, policies, holds, simulations, archives...): it reads and
// writes them and creates their indexes at start-up. MongoInitScriptTest fails when the service makes a
// collection that this list lacks (issue 18: the list once held only the two audit collections, so the
// service's first start under docker-compose.yml was refused its first write to `users`).
const serviceCollections = [
  "users", "api_keys", "login_failures", "admin_actions", "security_events",
  "policy_versions", "policy_state", "policy_actions",
  "credit_holds", "hold_actions", "hold_callbacks", "callback_targets", "callback_target_changes",
  "simulations", "backtests", "audit_archives", "record_archives", "retention_actions", "audit_chain_anchor",
  "credit_accounts", "account_changes", "ledger_positions", "ledger_documents", "ledger_events",
  "dunning_runs", "worklist_lines"
];

encours.createRole({
  role: "auditTrailWriter",
  privileges: [
    // Append-only: no update and no remove on a decision (so pruning archived months, which deletes them, needs
    // a user granted "remove" here; docs/deployment.md).
    { resource: { db: "encours", collection: "decisions" }, actions: ["insert", "find"] },
    // The pointer to the hash chain's end, moved after each group commit (docs/audit.md, "The chain head").
    { resource: { db: "encours", collection: "audit_chain_head" }, actions: ["find", "insert", "update"] },
    // Start-up asks whether a collection exists (listCollections) before moving an older one's records.
    { resource: { db: "encours", collection: "" }, actions: ["listCollections"] },
    ...serviceCollections.map(name => ({
      resource: { db: "encours", collection: name },
      actions: ["find", "insert", "update", "remove", "createCollection", "createIndex", "dropCollection"]
    }))
  ],
  roles: []
});

encours.createUser({
  user: "encours",
  pwd: process.env.ENCOURS_DB_PASSWORD,
  roles: [{ role: "auditTrailWriter", db: "encours" }]
});
