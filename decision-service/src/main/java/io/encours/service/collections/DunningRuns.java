package io.encours.service.collections;

import io.encours.rules.model.PaymentPromise.PromiseStatus;
import io.encours.service.account.CreditAccount;
import io.encours.service.account.CreditAccounts;
import io.encours.service.collections.DunningRun.RunState;
import io.encours.service.decision.InvoiceDunning;
import io.encours.service.executor.Pools;
import io.encours.service.ledger.CustomerReceivables;
import io.encours.service.ledger.OpenInvoice;
import io.encours.service.ledger.OpenInvoices;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.web.ProblemException;
import io.encours.service.web.WebProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the dunning run, one at a time: every day at {@code encours.collections.run-at} when scheduled, and when
 * a credit person starts one. The run reads the ledger's open invoices customer by customer, has each decided
 * ({@link InvoiceDunning}: recorded in the audit trail) by {@code encours.collections.workers} evaluations in
 * flight, and writes each customer's worklist lines as soon as its invoices are decided. Its progress is saved
 * every second. A run the service stopped in the middle is marked INTERRUPTED at the next start; running again
 * the same day redoes nothing that was done ({@link Worklist}).
 */
@Service
class DunningRuns {
    private static final Logger log = LoggerFactory.getLogger(DunningRuns.class);
    static final String SCHEDULER = "scheduler";
    private static final int FIRST_ERRORS = 20;
    /** Pre-due reminders marked done are read back this far (the ledger keeps no level 0). */
    private static final int PRE_DUE_LOOKBACK_DAYS = 60;
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);

    private final CollectionsStore store;
    private final OpenInvoices openInvoices;
    private final InvoiceDunning dunning;
    private final CreditAccounts accounts;
    private final ActivePolicy policy;
    private final Clock clock;
    private final ZoneId zone;
    private final CollectionsProperties properties;
    private final ThreadPoolExecutor runThread;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor schedule;
    private final AtomicReference<Progress> running = new AtomicReference<>();
    private volatile boolean leftRunsMarked;

    DunningRuns(CollectionsStore store, OpenInvoices openInvoices, InvoiceDunning dunning, CreditAccounts accounts,
                ActivePolicy policy, Clock clock, WebProperties web, CollectionsProperties properties,
                MeterRegistry meters) {
        this.store = store;
        this.openInvoices = openInvoices;
        this.dunning = dunning;
        this.accounts = accounts;
        this.policy = policy;
        this.clock = clock;
        this.zone = web.timeZone();
        this.properties = properties;
        this.runThread = Pools.fixed("dunning-run", 1, meters);
        this.workers = Pools.fixed("dunning-eval", properties.workers(), meters);
        this.schedule = Pools.scheduled("dunning-schedule", 1, meters);
        try {
            markLeftRuns();
        } catch (com.mongodb.MongoException e) {
            // The service starts without its store (it refuses decisions until the store is back): the runs a
            // stop left RUNNING are marked by the first run started once the store answers.
            log.warn("dunning runs left by a stop not marked at start-up, the store is unreachable reason=\"{}\"",
                    e.getMessage());
        }
        if (properties.scheduled()) {
            scheduleNext();
        }
    }

    @PreDestroy
    void stop() {
        schedule.shutdownNow();
        runThread.shutdownNow();
        workers.shutdownNow();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Marks INTERRUPTED the runs a stop of the service left RUNNING (once per start of the service). */
    private void markLeftRuns() {
        if (leftRunsMarked) {
            return;
        }
        for (DunningRun left : store.runsIn(RunState.RUNNING)) {
            store.save(copy(left, RunState.INTERRUPTED, clock.instant(), "the service stopped while the run was running"));
            log.warn("dunning run interrupted by a stop runId={}", left.id());
        }
        leftRunsMarked = true;
    }

    /** Starts a run as of {@code asOf} (null: today) on the run thread; refused while another one runs. */
    DunningRun start(LocalDate asOf, String by) {
        if (running.get() == null) {
            markLeftRuns();
        }
        LocalDate day = asOf != null ? asOf : today();
        DunningRun first = new DunningRun(UUID.randomUUID().toString(), day, RunState.RUNNING, by, clock.instant(),
                null, 0, 0, 0, Map.of(), 0, 0, 0, 0, List.of(), null, policy.current().stamp().version());
        Progress progress = new Progress(first);
        Progress other = running.compareAndExchange(null, progress);
        if (other != null) {
            throw CollectionsProblems.runInProgress(other.first.id());
        }
        try {
            store.save(first);
            runThread.execute(() -> run(progress));
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
        log.info("dunning run started runId={} asOf={} by={}", first.id(), day, by);
        return first;
    }

    /** The run, with its progress as of now when it is this instance's running one. */
    Optional<DunningRun> find(String runId) {
        Progress current = running.get();
        if (current != null && current.first.id().equals(runId)) {
            return Optional.of(current.snapshot(RunState.RUNNING, null, null));
        }
        return store.run(runId);
    }

    /** The run in progress on this instance, if any. */
    Optional<DunningRun> current() {
        return Optional.ofNullable(running.get()).map(p -> p.snapshot(RunState.RUNNING, null, null));
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime next = now.with(properties.runAt());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        long delay = Duration.between(now, next).toMillis();
        schedule.schedule(() -> {
            try {
                start(null, SCHEDULER);
            } catch (ProblemException busy) {
                log.warn("scheduled dunning run not started: {}", busy.getMessage());
            } catch (RuntimeException e) {
                log.error("scheduled dunning run not started", e);
            } finally {
                scheduleNext();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ the run

    private void run(Progress progress) {
        DunningRun first = progress.first;
        try {
            DunningTerms terms = DunningTerms.of(policy.current());
            LocalDate asOf = first.asOf();
            Map<String, List<WorklistLine>> linesByCustomer = new HashMap<>();
            for (WorklistLine l : store.linesOn(asOf)) {
                linesByCustomer.computeIfAbsent(l.customerId(), c -> new ArrayList<>()).add(l);
            }
            Map<String, List<InvoiceDunning.Step>> preDueDone = new HashMap<>();
            for (WorklistLine l : store.doneAtLevel(0, asOf.minusDays(PRE_DUE_LOOKBACK_DAYS), asOf)) {
                for (WorklistLine.LineInvoice i : l.invoices()) {
                    preDueDone.computeIfAbsent(l.customerId() + "|" + i.invoiceId(), k -> new ArrayList<>())
                            .add(new InvoiceDunning.Step(0, l.action(), l.date()));
                }
            }
            Deque<Customer> inFlight = new ArrayDeque<>();
            AtomicLong invoicesInFlight = new AtomicLong();
            openInvoices.forEachCustomer(asOf, terms.preDueWindowDays(), receivables -> {
                progress.customers.increment();
                progress.invoicesFound.add(receivables.invoices().size());
                Optional<CreditAccount> account = accounts.find(receivables.customerId());
                if (account.isEmpty()) {
                    progress.error(receivables.invoices().size(), "customer " + receivables.customerId()
                            + ": no credit account");
                    return;
                }
                Customer customer = new Customer(receivables, account.get(), new ArrayList<>());
                for (OpenInvoice invoice : receivables.invoices()) {
                    List<InvoiceDunning.Step> done = preDueDone.getOrDefault(
                            receivables.customerId() + "|" + invoice.invoiceId(), List.of());
                    customer.futures.add(workers.submit(() -> evaluate(first, customer, invoice, done)));
                }
                inFlight.add(customer);
                invoicesInFlight.addAndGet(receivables.invoices().size());
                while (invoicesInFlight.get() > 4L * properties.workers()) {
                    Customer oldest = inFlight.poll();
                    invoicesInFlight.addAndGet(-oldest.futures.size());
                    finish(progress, terms, oldest, linesByCustomer);
                }
            });
            while (!inFlight.isEmpty()) {
                finish(progress, terms, inFlight.poll(), linesByCustomer);
            }
            store.durable();
            DunningRun last = progress.snapshot(RunState.FINISHED, clock.instant(), null);
            store.save(last);
            log.info("dunning run finished runId={} invoices={} lines={} errors={} perSecond={}", last.id(),
                    last.invoicesEvaluated(), last.linesCreated(), last.errors(), last.invoicesPerSecond(clock.instant()));
        } catch (RuntimeException e) {
            log.error("dunning run failed runId={}", first.id(), e);
            store.save(progress.snapshot(RunState.FAILED, clock.instant(), String.valueOf(e.getMessage())));
        } finally {
            running.set(null);
        }
    }

    private record Customer(CustomerReceivables receivables, CreditAccount account,
                            List<Future<Worklist.Evaluated>> futures) {
    }

    private Worklist.Evaluated evaluate(DunningRun run, Customer customer, OpenInvoice invoice,
                                        List<InvoiceDunning.Step> preDueDone) {
        BigDecimal chased = invoice.undisputedAmount().max(BigDecimal.ZERO);
        boolean disputed = chased.signum() == 0;
        List<InvoiceDunning.Promise> promises = invoice.promises().stream()
                .map(p -> new InvoiceDunning.Promise(p.promisedOn(), p.amount(), PromiseStatus.valueOf(p.state().name())))
                .toList();
        List<InvoiceDunning.Step> steps = new ArrayList<>(preDueDone);
        invoice.steps().forEach(s -> steps.add(new InvoiceDunning.Step(s.level(), null, s.on())));
        InvoiceDunning.Case c = new InvoiceDunning.Case(customer.account(), customer.receivables().behaviour(),
                invoice.invoiceId(), disputed ? invoice.openAmount() : chased, customer.account().currency(),
                invoice.issuedOn(), invoice.dueOn(), disputed, promises, steps, run.asOf());
        InvoiceDunning.Decided decided = dunning.decide(c, run.startedBy(), "dunning-run:" + run.id() + ":"
                + customer.account().customerId() + ":" + invoice.invoiceId());
        // The risk of the priority: the account's last assessment (its customer score), else the decision's own
        CreditAccount.RiskAssessment assessed = customer.account().assessment();
        String riskClass = assessed != null && assessed.riskClass() != null ? assessed.riskClass() : decided.riskClass();
        return new Worklist.Evaluated(invoice.invoiceId(), invoice.issuedOn(), invoice.dueOn(), invoice.openAmount(),
                invoice.disputedAmount(), chased, decided.outcome(), decided.step(), riskClass, decided.decisionId());
    }

    private void finish(Progress progress, DunningTerms terms, Customer customer,
                        Map<String, List<WorklistLine>> linesByCustomer) {
        List<Worklist.Evaluated> evaluated = new ArrayList<>();
        String customerId = customer.account().customerId();
        for (Future<Worklist.Evaluated> f : customer.futures()) {
            try {
                Worklist.Evaluated e = f.get();
                evaluated.add(e);
                progress.evaluated(e.outcome());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String why = cause instanceof ProblemException p ? p.problem().getDetail() : String.valueOf(cause);
                progress.error(1, "customer " + customerId + ": " + why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("dunning run interrupted", e);
            }
        }
        CreditAccount a = customer.account();
        Worklist.Plan plan = Worklist.plan(progress.first.asOf(),
                new Worklist.Customer(customerId, a.name(), a.collector(), a.currency()), progress.first.id(),
                clock.instant(), terms, evaluated, linesByCustomer.getOrDefault(customerId, List.of()));
        store.insert(plan.inserts());
        progress.linesCreated.add(plan.inserts().size());
        for (WorklistLine l : plan.updates()) {
            if (store.replace(l, true)) {
                progress.linesUpdated.increment();
            }
        }
        for (WorklistLine l : plan.removals()) {
            if (store.remove(l)) {
                progress.linesRemoved.increment();
            }
        }
        Instant now = clock.instant();
        if (Duration.between(progress.savedAt, now).compareTo(SAVE_EVERY) >= 0) {
            progress.savedAt = now;
            store.save(progress.snapshot(RunState.RUNNING, null, null));
        }
    }

    private static DunningRun copy(DunningRun r, RunState state, Instant finishedAt, String failure) {
        return new DunningRun(r.id(), r.asOf(), state, r.startedBy(), r.startedAt(), finishedAt, r.customers(),
                r.invoicesFound(), r.invoicesEvaluated(), r.outcomes(), r.linesCreated(), r.linesUpdated(),
                r.linesRemoved(), r.errors(), r.firstErrors(), failure, r.policyVersion());
    }

    /** The counters of a run in progress, updated by the run thread and the workers. */
    private static final class Progress {
        final DunningRun first;
        final LongAdder customers = new LongAdder();
        final LongAdder invoicesFound = new LongAdder();
        final LongAdder invoicesEvaluated = new LongAdder();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final LongAdder linesCreated = new LongAdder();
        final LongAdder linesUpdated = new LongAdder();
        final LongAdder linesRemoved = new LongAdder();
        final LongAdder errors = new LongAdder();
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        volatile Instant savedAt;

        Progress(DunningRun first) {
            this.first = first;
            this.savedAt = first.startedAt();
        }

        void evaluated(String outcome) {
            invoicesEvaluated.increment();
            outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
        }

        void error(int invoices, String why) {
            errors.add(invoices);
            if (firstErrors.size() < FIRST_ERRORS) {
                firstErrors.add(why);
            }
        }

        DunningRun snapshot(RunState state, Instant finishedAt, String failure) {
            Map<String, Long> counts = new TreeMap<>();
            outcomes.forEach((k, v) -> counts.put(k, v.sum()));
            List<String> errorsSoFar;
            synchronized (firstErrors) {
                errorsSoFar = List.copyOf(firstErrors);
            }
            return new DunningRun(first.id(), first.asOf(), state, first.startedBy(), first.startedAt(), finishedAt,
                    customers.sum(), invoicesFound.sum(), invoicesEvaluated.sum(), counts, linesCreated.sum(),
                    linesUpdated.sum(), linesRemoved.sum(), errors.sum(), errorsSoFar, failure, first.policyVersion());
        }
    }
}
