package io.encours.service.storage;

import io.encours.service.executor.Pools;
import com.mongodb.WriteConcern;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) storing its data in one H2 MVStore file,
 * so that the service runs with no database installed, through the same MongoDB client as in production.
 *
 * <p>The MVStore is opened here, not by the H2 backend, to switch off its background auto-commit: left
 * on, it writes changes up to a second late and asynchronously, so a write acknowledged to the client
 * could be lost by a crash. With it off, nothing reaches the file except through
 * {@link #makeAcknowledgedWritesDurable()}, which commits synchronously and forces the file to disk
 * (docs/decisions/0002-embedded-mongodb-and-durable-audit.md).
 */
public final class EmbeddedMongo implements WriteDurability, AutoCloseable {
    /** The store's file inside the data folder. */
    public static final String FILE_NAME = "encours.mv.db";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /** Where a slow commit's time went (waiting for writes in flight, writing the chunk, syncing): logged. */
    private static final long SLOW_COMMIT_NANOS = 100_000_000L;
    private static final int KEYS_PER_PAGE = 16;

    private final Path file;
    /** Replaced by {@link #restart()}: the store file is closed while the server is stopped. */
    private volatile MVStore store;
    /** The name of the compaction pool's thread and of its queue gauge. */
    static final String COMPACTION_POOL = "embedded-store-compaction";
    private volatile MongoServer server;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopped;
    private final WriteGate gate;
    private final DocumentsExamined examined;
    private final EmbeddedCompaction compaction;
    private final PageCompression pageCompression;
    private final ScheduledThreadPoolExecutor compactor;
    private final AtomicLong commits = new AtomicLong();
    private long commitsAtLastPass;
    private long lastPassNanos = System.nanoTime();

    private EmbeddedMongo(Path file, MVStore store, MongoServer server, InetSocketAddress address, WriteGate gate,
                          DocumentsExamined examined, EmbeddedCompaction compaction,
                          PageCompression pageCompression) {
        this.gate = gate;
        this.examined = examined;
        this.compaction = compaction;
        this.pageCompression = pageCompression;
        this.file = file;
        this.store = store;
        this.server = server;
        this.address = address;
        if (compaction.enabled()) {
            // One thread: a pass never overlaps the previous one.
            compactor = new ScheduledThreadPoolExecutor(1, Pools.threads(COMPACTION_POOL));
            long every = compaction.interval().toMillis();
            compactor.scheduleWithFixedDelay(this::compactInBackground, every, every, TimeUnit.MILLISECONDS);
        } else {
            compactor = null;
        }
    }

    /** The compaction pool, none when compaction is off: its queue is published as a gauge. */
    Optional<ScheduledThreadPoolExecutor> compactionPool() {
        return Optional.ofNullable(compactor);
    }

    /** Opens (or creates) the store in {@code dataDir} and starts the server on a free loopback port. */
    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, EmbeddedCompaction.OFF);
    }

    /** The same, compacting the file as {@code compaction} says. */
    public static EmbeddedMongo start(Path dataDir, EmbeddedCompaction compaction) {
        return start(dataDir, compaction, PageCompression.NONE);
    }

    /** The same, compressing the pages it writes as {@code pageCompression} says. */
    public static EmbeddedMongo start(Path dataDir, EmbeddedCompaction compaction, PageCompression pageCompression) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + file.getParent(), e);
        }
        MVStore store = openStore(file, compaction, pageCompression);
        WriteGate gate = new WriteGate();
        DocumentsExamined examined = new DocumentsExamined();
        MongoServer server = new MongoServer(new EmbeddedBackend(store, gate, examined));
        try {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded MongoDB started port={} file={}", address.getPort(), file);
        return new EmbeddedMongo(file, store, server, address, gate, examined, compaction, pageCompression);
    }

    private static MVStore openStore(Path file, EmbeddedCompaction compaction, PageCompression pageCompression) {
        MVStore store = pageCompression.apply(new MVStore.Builder())
                .fileName(file.toString())
                // No background writer: every write reaches the file through an explicit, synchronous commit.
                .autoCommitDisabled()
                // No commit triggered by the size of unsaved changes either (those would be asynchronous too).
                .autoCommitBufferSize(0)
                // Page compression as configured (PageCompression; measured in bench/README.md, "Bytes per
                // decision"): LZF took a tenth of the audit writer's time under load in an earlier profile.
                // Pages of at most 16 keys instead of 48: a commit rewrites every index page one of its records
                // lands in, so smaller pages mean fewer bytes written and synced per commit (bench/README.md).
                .keysPerPage(KEYS_PER_PAGE)
                .open();
        store.setRetentionTime((int) Math.min(Integer.MAX_VALUE, compaction.retention().toMillis()));
        return store;
    }

    /**
     * A connection string for the MongoDB driver, with short timeouts: the server is in this process (the
     * driver's timeouts are set again from {@code encours.storage.timeouts.*}, see StorageConfiguration).
     */
    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database
                + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000";
    }

    /**
     * Stops the server as an outage would: the clients' connections are closed, nothing answers on the port, and
     * the store's file is closed (committing what was acknowledged). {@link #restart()} brings it back on the same
     * port. For outage tests and operations drills.
     */
    public synchronized void stop() {
        if (closed.get() || stopped) {
            return;
        }
        stopped = true;
        server.shutdownNow();
        log.warn("embedded MongoDB stopped (outage) port={}", address.getPort());
    }

    /** Reopens the store's file and serves it again on the same port. */
    public synchronized void restart() {
        if (closed.get() || !stopped) {
            return;
        }
        MVStore reopened = openStore(file, compaction, pageCompression);
        MongoServer restarted = new MongoServer(new EmbeddedBackend(reopened, gate, examined));
        try {
            restarted.bind(address);
        } catch (RuntimeException e) {
            reopened.closeImmediately();
            throw e;
        }
        store = reopened;
        server = restarted;
        stopped = false;
        log.info("embedded MongoDB restarted port={} file={}", address.getPort(), file);
    }

    /**
     * How many stored documents of {@code database.collection} the server has examined so far to answer queries,
     * counts, updates and deletes (a lookup on a unique index examines what it finds; a scan every document). For
     * tests that prove a query runs on an index.
     */
    public long documentsExamined(String database, String collection) {
        return examined.get(database + "." + collection);
    }

    public int port() {
        return address.getPort();
    }

    public Path file() {
        return file;
    }

    /** The store file's size on disk now, in bytes. */
    public long fileSize() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }

    @Override
    public WriteConcern writeConcern() {
        // The server acknowledges once the documents are in the store's memory; durability comes next.
        return WriteConcern.ACKNOWLEDGED;
    }

    /** Commits between write commands (see {@link WriteGate}), then forces the file to disk. */
    @Override
    public void makeAcknowledgedWritesDurable() {
        if (stopped) {
            throw new IllegalStateException("The embedded store is stopped");
        }
        long start = System.nanoTime();
        MVStore store = this.store;
        long[] committing = new long[2];
        gate.exclusively(() -> {
            committing[0] = System.nanoTime();
            store.commit();
            committing[1] = System.nanoTime();
        });
        store.sync();
        commits.incrementAndGet();
        long end = System.nanoTime();
        if (end - start > SLOW_COMMIT_NANOS) {
            log.warn("slow embedded store commit gateMillis={} commitMillis={} syncMillis={}",
                    (committing[0] - start) / 1_000_000, (committing[1] - committing[0]) / 1_000_000,
                    (end - committing[1]) / 1_000_000);
        }
    }

    /**
     * One compaction pass: if less than the target share of the chunks' bytes is live, rewrites the live pages
     * of the emptiest chunks (the store lock keeps commits out meanwhile; inserts go on) and makes them durable
     * with a commit of their own. Returns whether anything was rewritten.
     */
    boolean compactNow() {
        if (closed.get() || stopped || liveShare() >= compaction.targetFillRate()) {
            return false;
        }
        boolean rewritten = store.compact(compaction.targetFillRate(), (int) compaction.rewritePerRun());
        if (rewritten) {
            makeAcknowledgedWritesDurable();
        }
        return rewritten;
    }

    /** Per cent of the bytes of the file's chunks that are still live. */
    public int liveShare() {
        return store.getFileStore().getChunksFillRate();
    }

    private void compactInBackground() {
        try {
            if (stopped) {
                return;
            }
            long start = System.nanoTime();
            long committed = commits.get();
            int before = liveShare();
            boolean due = compaction.passDue(committed - commitsAtLastPass, (start - lastPassNanos) / 1_000_000,
                    before);
            commitsAtLastPass = committed;
            lastPassNanos = start;
            if (due && compactNow()) {
                log.debug("embedded store compacted liveShareBefore={} liveShareAfter={} millis={}", before,
                        liveShare(), (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // MVStore closes itself on a failure under its lock (a failed write, the disk full): every write
            // after this one fails too, until a restart.
            log.error("embedded store compaction failed, the store may have closed itself reason=\"{}\"",
                    e.getMessage(), e);
        }
    }

    @Override
    public String mode() {
        return "embedded";
    }

    public boolean isRunning() {
        return !closed.get() && !stopped;
    }

    /** Stops the server and closes the store, committing what is left. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (compactor != null) {
                // Not shutdownNow: an interrupt during file I/O closes the store's FileChannel for good.
                compactor.shutdown();
                try {
                    if (!compactor.awaitTermination(30, TimeUnit.SECONDS)) {
                        log.warn("embedded store compaction still running after 30 s: closing the store anyway");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!stopped) {
                server.shutdownNow();
            }
            log.info("embedded MongoDB stopped file={}", file);
        }
    }
}
