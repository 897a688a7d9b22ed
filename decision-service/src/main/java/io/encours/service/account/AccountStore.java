package io.encours.service.account;

import static io.encours.service.account.AccountDocuments.ACCOUNTS;
import static io.encours.service.account.AccountDocuments.AT;
import static io.encours.service.account.AccountDocuments.CHANGES;
import static io.encours.service.account.AccountDocuments.CUSTOMER_ID;
import static io.encours.service.account.AccountDocuments.ID;
import static io.encours.service.account.AccountDocuments.PENDING;
import static io.encours.service.account.AccountDocuments.STATE;
import static io.encours.service.account.AccountDocuments.VERSION;
import static io.encours.service.account.AccountDocuments.WRITTEN;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import io.encours.service.storage.Inserts;
import io.encours.service.storage.StoreIndexes;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.encours.service.storage.WriteDurability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The accounts ({@code credit_accounts}) and their changes ({@code account_changes}).
 *
 * <p>No change without its history, without a multi-document transaction (the embedded store has none, and
 * one customer's writes stay on one shard anyway). A change is written in three steps:
 * <ol>
 *   <li>the change record, marked PENDING, under the id {@code <customerId>#<newVersion>}: the unique id is the
 *       claim on that version, so of two writers starting from the same version only one gets past here (the
 *       other is told of a conflict before anything of its change is written);</li>
 *   <li>the account, on condition that it still is at the version the change was made on (insert for a new
 *       account);</li>
 *   <li>the change record marked WRITTEN (a marker for people reading the collection).</li>
 * </ol>
 * The account's version decides what happened: a change whose version is above the account's never took
 * effect (a crash between steps 1 and 2) and is not shown as history; one at or below it did, whatever its
 * marker. A claim left PENDING by a crash is taken over by the next writer once it is older than
 * {@code encours.accounts.abandoned-change-after}. Every write uses the audit trail's write concern; the
 * caller makes a step durable with {@link #durable()} before answering.
 */
final class AccountStore {
    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> changes;
    private final WriteDurability durability;
    private final Duration abandonedAfter;

    AccountStore(MongoTemplate mongo, WriteDurability durability, Duration abandonedAfter) {
        this.accounts = mongo.getCollection(ACCOUNTS).withWriteConcern(durability.writeConcern());
        this.changes = mongo.getCollection(CHANGES).withWriteConcern(durability.writeConcern());
        this.durability = durability;
        this.abandonedAfter = abandonedAfter;
    }

    /**
     * The customer id is the account's {@code _id} (unique). The others serve the list's filters, each
     * followed by the id for keyset paging, and an account's history in version order.
     */
    void createIndexes(boolean enabled) {
        List<IndexModel> byFilter = new java.util.ArrayList<>();
        for (String field : List.of(AccountDocuments.STATUS, AccountDocuments.RISK_CLASS, AccountDocuments.SECTOR,
                AccountDocuments.COUNTRY, AccountDocuments.INSURER, AccountDocuments.PARENT,
                AccountDocuments.NEXT_REVIEW)) {
            byFilter.add(new IndexModel(Indexes.ascending(field, ID), new IndexOptions().name(field + "_id")));
        }
        StoreIndexes.ensure(accounts, enabled, byFilter.toArray(IndexModel[]::new));
        StoreIndexes.ensure(changes, enabled, new IndexModel(Indexes.ascending(CUSTOMER_ID, VERSION),
                new IndexOptions().unique(true).name("customerId_version_unique")));
        durability.makeAcknowledgedWritesDurable();
    }

    Optional<CreditAccount> find(String customerId) {
        return Optional.ofNullable(AccountDocuments.toAccount(accounts.find(Filters.eq(ID, customerId)).first()));
    }

    /**
     * The accounts of these customers, by customer id (those without one left out): one {@code $in} query. The
     * embedded store reads an {@code $in} as the span between its lowest and highest id, which in a large book
     * may hold far more accounts than asked for: there, unless the collection is small, each is read by itself.
     */
    java.util.Map<String, CreditAccount> findAll(java.util.Collection<String> customerIds) {
        java.util.Map<String, CreditAccount> found = new java.util.LinkedHashMap<>();
        if (customerIds.size() == 1 || (!customerIds.isEmpty() && "embedded".equals(durability.mode())
                && accounts.estimatedDocumentCount() > 4L * customerIds.size() + 64)) {
            customerIds.forEach(id -> find(id).ifPresent(a -> found.put(id, a)));
        } else if (!customerIds.isEmpty()) {
            accounts.find(Filters.in(ID, customerIds)).forEach(d -> {
                CreditAccount account = AccountDocuments.toAccount(d);
                found.put(account.customerId(), account);
            });
        }
        return found;
    }

    /** A page of accounts in customer-id order, after {@code after} (exclusive; null for the first page). */
    List<CreditAccount> list(Bson filter, String after, int limit) {
        Bson where = after == null ? filter : Filters.and(filter, Filters.gt(ID, after));
        List<CreditAccount> found = new ArrayList<>();
        accounts.find(where).sort(Sorts.ascending(ID)).limit(limit)
                .forEach(d -> found.add(AccountDocuments.toAccount(d)));
        return found;
    }

    /** The changes that took effect on an account, oldest first. */
    List<AccountChange> changesOf(CreditAccount account) {
        List<AccountChange> found = new ArrayList<>();
        changes.find(Filters.and(Filters.eq(CUSTOMER_ID, account.customerId()), Filters.lte(VERSION, account.version())))
                .sort(Sorts.ascending(VERSION)).forEach(d -> found.add(AccountDocuments.toChange(d)));
        return found;
    }

    /**
     * Writes a change and its record (see the class comment); false when the account is no longer at the
     * version the change was made on (or, for a new account, exists already): nothing of the change is kept.
     */
    boolean write(AccountChange change) {
        Document record = AccountDocuments.toDocument(change, PENDING);
        if (!claim(record, change)) {
            return false;
        }
        boolean written;
        if (change.before() == null) {
            written = insertUnlessTaken(accounts, AccountDocuments.toDocument(change.after()));
        } else {
            written = accounts.replaceOne(Filters.and(Filters.eq(ID, change.customerId()),
                            Filters.eq(VERSION, change.before().version())),
                    AccountDocuments.toDocument(change.after())).getMatchedCount() == 1;
        }
        if (!written) {
            changes.deleteOne(Filters.and(Filters.eq(ID, record.get(ID)), Filters.eq(STATE, PENDING)));
            return false;
        }
        changes.updateOne(Filters.eq(ID, record.get(ID)), Updates.set(STATE, WRITTEN));
        return true;
    }

    /** Claims the change's version with its PENDING record; takes over a claim abandoned by a crash. */
    private boolean claim(Document record, AccountChange change) {
        if (insertUnlessTaken(changes, record)) {
            return true;
        }
        Document existing = changes.find(Filters.eq(ID, record.get(ID))).first();
        long current = find(change.customerId()).map(CreditAccount::version).orElse(0L);
        boolean abandoned = existing != null && PENDING.equals(existing.getString(STATE)) && current < change.version()
                && existing.getDate(AT).toInstant().isBefore(Instant.now().minus(abandonedAfter));
        if (!abandoned) {
            return false;
        }
        changes.deleteOne(Filters.and(Filters.eq(ID, record.get(ID)), Filters.eq(STATE, PENDING),
                Filters.eq(AT, existing.getDate(AT))));
        return insertUnlessTaken(changes, record);
    }

    /** Makes every write acknowledged so far durable (the embedded store syncs its file). */
    void durable() {
        durability.makeAcknowledgedWritesDurable();
    }

    private static boolean insertUnlessTaken(MongoCollection<Document> collection, Document document) {
        return Inserts.unlessTaken(collection, document);
    }

    /** For tests of a crash between the steps: a claim written and left PENDING. */
    void claimOnly(AccountChange change, Date at) {
        changes.insertOne(AccountDocuments.toDocument(change, PENDING).append(AT, at));
    }
}
