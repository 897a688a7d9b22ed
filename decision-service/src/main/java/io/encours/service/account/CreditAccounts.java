package io.encours.service.account;

import io.encours.rules.model.InvalidFact;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.bson.conversions.Bson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What callers do with accounts: create, read, change (never from a stale copy), list, read the history, and
 * load an ERP export. Every change goes through {@link AccountStore#write}, which records it before it takes
 * effect, and is durable before it is answered.
 */
public class CreditAccounts {
    private final AccountStore store;
    private final Clock clock;
    private final JsonMapper json;

    CreditAccounts(AccountStore store, Clock clock, JsonMapper json) {
        this.store = store;
        this.clock = clock;
        this.json = json;
    }

    /** The account of a customer, for other features (the order check by reference). */
    public Optional<CreditAccount> find(String customerId) {
        return store.find(customerId);
    }

    /** The accounts of these customers, by customer id, in one read (the ledger's intake of a batch). */
    public Map<String, CreditAccount> findAll(java.util.Collection<String> customerIds) {
        return store.findAll(customerIds);
    }

    /**
     * A minimal account for a customer first met in a ledger import ({@code createAccounts=true}): the customer
     * id as its name, no limit and no cover (so no credit until a person sets them), unclassified. Returns the
     * existing account when there is one.
     */
    public CreditAccount openMinimal(String customerId, String currency, String by) {
        Optional<CreditAccount> existing = store.find(customerId);
        if (existing.isPresent()) {
            return existing.get();
        }
        AccountBody body = new AccountBody(customerId, customerId, null, "UNCLASSIFIED", "UNKNOWN", null, null, null,
                currency, null, null, null, null, null, null, null, null, null, null,
                "opened by a ledger import: complete its master data, limit and cover", null);
        try {
            return create(body, by);
        } catch (io.encours.service.web.ProblemException e) {
            return store.find(customerId).orElseThrow(() -> e);
        }
    }

    /** Every account, in customer-id order (for reports that select accounts by segment, such as the KPIs). */
    public List<CreditAccount> all() {
        List<CreditAccount> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<CreditAccount> page = store.list(Filters.empty(), after, 1000);
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1).customerId();
        }
    }

    CreditAccount get(String customerId) {
        return store.find(customerId).orElseThrow(() -> AccountProblems.notFound(customerId));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    CreditAccount create(AccountBody body, String by) {
        Instant now = clock.instant();
        CreditAccount account = valid(() -> body.toAccount(body.customerId(), 1, now, by, null));
        if (!store.write(new AccountChange(account.customerId(), 1, now, by, body.reason(), null, account))) {
            throw AccountProblems.exists(account.customerId());
        }
        store.durable();
        return account;
    }

    /** Replaces the account's data; {@code expectedVersion} is the version the caller's change was made on. */
    CreditAccount replace(String customerId, Long expectedVersion, AccountBody body, String by) {
        if (body.customerId() != null && !body.customerId().equals(customerId)) {
            throw io.encours.service.web.Problems.invalidField("customerId",
                    "must be the customer of the path (" + customerId + ") or left out");
        }
        CreditAccount current = get(customerId);
        long expected = expectedVersion(customerId, expectedVersion, body.version());
        if (expected != current.version()) {
            throw AccountProblems.versionConflict(customerId, expected, current.version());
        }
        Instant now = clock.instant();
        CreditAccount changed = valid(() -> body.toAccount(customerId, current.version() + 1, now, by, current));
        if (changed.sameDataAs(current)) {
            return current;
        }
        if (!store.write(new AccountChange(customerId, changed.version(), now, by, body.reason(), current, changed))) {
            long now2 = store.find(customerId).map(CreditAccount::version).orElse(0L);
            throw AccountProblems.versionConflict(customerId, expected, now2);
        }
        store.durable();
        return changed;
    }

    /**
     * Changes the fields a JSON merge patch (RFC 7396) names: a field with a value is set, a field with null is
     * cleared, a field left out keeps its value. The result is checked as a whole, as a replacement is.
     */
    CreditAccount patch(String customerId, Long expectedVersion, JsonNode patch, String by) {
        if (!patch.isObject()) {
            throw io.encours.service.web.Problems.invalidField("body", "must be a JSON object (a merge patch)");
        }
        CreditAccount current = get(customerId);
        ObjectNode merged = json.valueToTree(AccountBody.of(current));
        merged.remove("version");
        merge(merged, (ObjectNode) patch);
        AccountBody body;
        try {
            body = json.treeToValue(merged, AccountBody.class);
        } catch (JacksonException e) {
            throw io.encours.service.web.Problems.invalidField("body", "does not fit the account's fields: "
                    + e.getOriginalMessage());
        }
        return replace(customerId, expectedVersion, body, by);
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode inner) {
                merge(inner, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    /** A new account, or a change of an existing one that holds other data; nothing when it holds the same. */
    ImportOutcome upsert(AccountBody body, String by) {
        Instant now = clock.instant();
        Optional<CreditAccount> current = store.find(body.customerId());
        if (current.isEmpty()) {
            CreditAccount account = body.toAccount(body.customerId(), 1, now, by, null);
            return store.write(new AccountChange(account.customerId(), 1, now, by, body.reason(), null, account))
                    ? ImportOutcome.CREATED : ImportOutcome.CONFLICT;
        }
        CreditAccount changed = body.toAccount(body.customerId(), current.get().version() + 1, now, by, current.get());
        if (changed.sameDataAs(current.get())) {
            return ImportOutcome.UNCHANGED;
        }
        return store.write(new AccountChange(changed.customerId(), changed.version(), now, by, body.reason(),
                current.get(), changed)) ? ImportOutcome.UPDATED : ImportOutcome.CONFLICT;
    }

    enum ImportOutcome { CREATED, UPDATED, UNCHANGED, CONFLICT }

    /** What an import did: lines that created an account, changed one, found it as it was, or were rejected. */
    record ImportReport(int imported, int updated, int unchanged, int rejected, List<Rejection> rejections) {
    }

    /** A line not imported: its number in the file (the header is line 1), its customer when known, and why. */
    record Rejection(int line, String customerId, String field, String reason) {
    }

    /** Loads a CSV export (see {@link AccountImport}); made durable once, before the report is answered. */
    ImportReport importCsv(byte[] file, Map<String, String> parameters, String by) {
        AccountImport reader = new AccountImport(parameters);
        int imported = 0;
        int updated = 0;
        int unchanged = 0;
        List<Rejection> rejections = new ArrayList<>();
        try {
            for (AccountImport.Line line : reader.read(file, id -> store.find(id).orElse(null), json)) {
                if (line.problem() != null) {
                    rejections.add(new Rejection(line.number(), line.customerId(), line.problem().field(),
                            line.problem().reason()));
                    continue;
                }
                switch (upsert(line.body(), by)) {
                    case CREATED -> imported++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    case CONFLICT -> rejections.add(new Rejection(line.number(), line.customerId(), "customerId",
                            "the account was changed by someone else during the import; import the file again"));
                }
            }
        } finally {
            store.durable();
        }
        return new ImportReport(imported, updated, unchanged, rejections.size(), rejections);
    }

    void durable() {
        store.durable();
    }

    /** The list's filters; each null when not filtering on it. */
    record Search(AccountStatus status, String riskClass, String sector, String country, String insurer,
                  String parentAccountId, LocalDate reviewDueBefore) {
        Bson filter() {
            List<Bson> all = new ArrayList<>();
            if (status != null) {
                all.add(Filters.eq(AccountDocuments.STATUS, status.name()));
            }
            add(all, AccountDocuments.RISK_CLASS, riskClass);
            add(all, AccountDocuments.SECTOR, sector);
            add(all, AccountDocuments.COUNTRY, country);
            add(all, AccountDocuments.INSURER, insurer);
            add(all, AccountDocuments.PARENT, parentAccountId);
            if (reviewDueBefore != null) {
                // days are "yyyy-MM-dd" text: compared as text they compare as dates
                all.add(Filters.lt(AccountDocuments.NEXT_REVIEW, reviewDueBefore.toString()));
            }
            return all.isEmpty() ? Filters.empty() : Filters.and(all);
        }

        private static void add(List<Bson> all, String field, String value) {
            if (value != null) {
                all.add(Filters.eq(field, value));
            }
        }
    }

    /** A page of accounts in customer-id order and the cursor of the next one (null when this is the last). */
    record Page(List<CreditAccount> accounts, String next) {
    }

    Page list(Search search, String after, int limit) {
        List<CreditAccount> found = store.list(search.filter(), after, limit + 1);
        boolean more = found.size() > limit;
        List<CreditAccount> page = more ? found.subList(0, limit) : found;
        return new Page(List.copyOf(page), more ? page.get(page.size() - 1).customerId() : null);
    }

    /** The accounts whose parent is {@code parentAccountId} (the members of its group), in customer-id order. */
    public List<CreditAccount> membersOf(String parentAccountId) {
        Search search = new Search(null, null, null, null, null, parentAccountId, null);
        List<CreditAccount> members = new ArrayList<>();
        String after = null;
        do {
            Page page = list(search, after, 500);
            members.addAll(page.accounts());
            after = page.next();
        } while (after != null);
        return members;
    }

    List<AccountChange> history(String customerId) {
        return store.changesOf(get(customerId));
    }

    private static long expectedVersion(String customerId, Long ifMatch, Long inBody) {
        if (ifMatch != null && inBody != null && !ifMatch.equals(inBody)) {
            throw io.encours.service.web.Problems.invalidField("version",
                    "is " + inBody + " but If-Match says " + ifMatch + ": send one version");
        }
        Long expected = ifMatch != null ? ifMatch : inBody;
        if (expected == null) {
            throw AccountProblems.versionRequired(customerId);
        }
        return expected;
    }

    private static CreditAccount valid(java.util.function.Supplier<CreditAccount> account) {
        try {
            return account.get();
        } catch (InvalidFact e) {
            throw AccountProblems.invalid(e);
        }
    }
}
