package io.encours.service.policy;

import io.encours.rules.diff.Change;
import io.encours.rules.diff.PolicyDiff;
import io.encours.rules.policy.CompilationResult;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.policy.PolicyCompiler;
import io.encours.rules.policy.PolicyError;
import io.encours.rules.scenario.ScenarioRunner;
import io.encours.rules.verify.Finding;
import io.encours.rules.verify.PolicyVerifier;
import io.encours.service.policy.PolicyActions.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The life of a policy version, from draft to retirement: drafts are edited, checked (compile, verify,
 * scenarios), submitted only when they compile and pass their scenarios, approved by committee members
 * other than their author, then activated at once or at a scheduled time, and rolled back in one call.
 * Activation compiles first and swaps {@link ActivePolicy} only on success, so a version that does not
 * compile never serves. The shared {@code policy_state} document tells the other instances to follow.
 */
public class PolicyLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PolicyLifecycle.class);

    private final PolicyStore store;
    private final PolicyActions actions;
    private final ActivePolicy activePolicy;
    private final PolicyProperties properties;
    private final Clock clock;
    /** The person behind a caller's name (an API key counts as the person who created it). */
    private final UnaryOperator<String> personOf;
    private final PolicyCompiler compiler = new PolicyCompiler();
    /** The shared state this instance serves; written under {@code this}, read freely. */
    private volatile PolicyStore.ActiveState serving;

    PolicyLifecycle(PolicyStore store, PolicyActions actions, ActivePolicy activePolicy, PolicyStore.ActiveState serving,
                    PolicyProperties properties, Clock clock, UnaryOperator<String> personOf) {
        this.personOf = personOf;
        this.store = store;
        this.actions = actions;
        this.activePolicy = activePolicy;
        this.serving = serving;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- reading

    public List<PolicyVersion> versions() {
        return store.all();
    }

    public PolicyVersion version(int number) {
        return store.find(number).orElseThrow(() -> PolicyProblems.notFound(number));
    }

    /** The state of an instance whose store was unreachable at start-up: no policy loaded yet. */
    static final PolicyStore.ActiveState NOT_LOADED = new PolicyStore.ActiveState(0, -1);

    /**
     * The shared active state; on a store with no policy yet, the default policy of the rules module becomes
     * version 1, ACTIVE.
     */
    static PolicyStore.ActiveState initialState(PolicyStore store, PolicyActions actions, Clock clock) {
        if (store.isEmpty()) {
            Instant now = clock.instant();
            PolicyVersion first = PolicyVersion.firstStart(DefaultPolicy.bundle(), now);
            if (store.insertIfAbsent(first)) {
                actions.record(Action.CREATE, first, "system", "default policy, first start");
                actions.record(Action.ACTIVATE, first, "system", "default policy, first start");
                return store.pointTo(1, "system", now);
            }
        }
        return store.activeState().orElseGet(() -> store.pointTo(store.all().stream()
                .filter(v -> v.status() == PolicyStatus.ACTIVE).mapToInt(PolicyVersion::number).max()
                .orElseThrow(() -> new IllegalStateException("No active policy version in the store")),
                "system", clock.instant()));
    }

    /** Compiles the version {@code state} names; a version that does not compile stops the service. */
    static CompiledPolicy load(PolicyStore store, PolicyStore.ActiveState state) {
        long start = System.nanoTime();
        PolicyVersion version = store.find(state.version()).orElseThrow(() -> new IllegalStateException(
                "The active policy version " + state.version() + " is not in the store"));
        CompiledPolicy policy = new PolicyCompiler().compile(version.bundle()).orThrow();
        log.info("policy loaded number={} id={} version={} hash={} currency={} compileMillis={}", version.number(),
                policy.stamp().id(), policy.stamp().version(), policy.stamp().contentHash(),
                policy.manifest().currency(), (System.nanoTime() - start) / 1_000_000);
        return policy;
    }

    public int activeNumber() {
        return serving.version();
    }

    public byte[] file(int number, String name) {
        byte[] bytes = version(number).bundle().bytes(name);
        if (bytes == null) {
            throw PolicyProblems.fileNotFound(number, name);
        }
        return bytes;
    }

    public List<Change> diff(int from, int to) {
        return PolicyDiff.between(version(from).bundle(), version(to).bundle());
    }

    List<PolicyActions.Entry> actions(Integer number) {
        return actions.of(number);
    }

    // ---- checking

    /** Compile errors of a version, each with its file and row or line; empty when it compiles. */
    public List<PolicyError> validate(int number) {
        CompilationResult result = compiler.compile(version(number).bundle());
        return result.succeeded() ? List.of() : result.errors();
    }

    /** Verifier findings on the decision tables (unreachable rows, overlaps, gaps, duplicates). */
    public List<Finding> verify(int number) {
        CompiledPolicy policy = compiled(version(number));
        return PolicyVerifier.verify(policy.bundle(), policy.manifest());
    }

    public ScenarioRunner.Report runScenarios(int number) {
        return new ScenarioRunner().runBundled(compiled(version(number)));
    }

    // ---- authoring

    public PolicyVersion draftFromActive(String by, String comment) {
        PolicyVersion active = version(activeNumber());
        PolicyVersion draft = store.create(n -> PolicyVersion.draft(n, active.bundle(), by, clock.instant(), comment,
                active.number()));
        actions.record(Action.CREATE, draft, by, comment == null ? "copy of version " + active.number() : comment);
        return draft;
    }

    public PolicyVersion upload(PolicyBundle bundle, String by, String comment) {
        if (bundle.files().isEmpty()) {
            throw PolicyProblems.badUpload("The upload holds no policy file");
        }
        PolicyUploadLimits.check(bundle.files());
        PolicyVersion draft = store.create(n -> PolicyVersion.draft(n, bundle, by, clock.instant(), comment, null));
        actions.record(Action.UPLOAD, draft, by, comment);
        return draft;
    }

    public synchronized PolicyVersion replaceFile(int number, String name, byte[] content, String by) {
        PolicyVersion edited = version(number).withFile(name, content, clock.instant());
        PolicyUploadLimits.check(Map.of(name, content));
        store.save(edited);
        actions.record(Action.REPLACE_FILE, edited, by, name);
        return edited;
    }

    // ---- review

    /**
     * Accepted only for a draft that compiles and whose scenarios all pass (else 422 with the reasons). The
     * checks run outside the lock, so activations and polls are not held up; the draft must still be the
     * same when they are done.
     */
    public PolicyVersion submit(int number, String by, String comment) {
        PolicyVersion checked = version(number).expect("submitted", PolicyStatus.DRAFT);
        ScenarioRunner.Report report = new ScenarioRunner().runBundled(compiled(checked));
        if (report.failed() > 0) {
            throw PolicyProblems.scenariosFail(number, report.results().stream().filter(r -> !r.passed())
                    .toList(), report.summary());
        }
        synchronized (this) {
            PolicyVersion v = version(number);
            if (v.status() != PolicyStatus.DRAFT || !v.contentHash().equals(checked.contentHash())) {
                throw PolicyProblems.of(HttpStatus.CONFLICT, PolicyProblems.WRONG_STATUS, "Changed while checked",
                        "Version " + number + " changed while its scenarios ran; submit it again");
            }
            PolicyVersion submitted = v.submitted(clock.instant());
            store.save(submitted);
            actions.record(Action.SUBMIT, submitted, by, comment == null ? "scenarios " + report.summary() : comment);
            return submitted;
        }
    }

    /**
     * Four eyes ({@link PolicyVersion#approved}) compares people, not credentials, under whatever name or key
     * they acted; the submitters of this content come from the policy's trail.
     */
    public synchronized PolicyVersion approve(int number, String by, String comment) {
        PolicyVersion v = version(number);
        List<String> submitters = actions.of(number).stream()
                .filter(e -> e.action() == Action.SUBMIT && e.contentHash().equals(v.contentHash()))
                .map(PolicyActions.Entry::by).toList();
        PolicyVersion approved = v.approved(new PolicyVersion.Approval(by, clock.instant(), comment),
                properties.approvalsRequired(), personOf, submitters);
        store.save(approved);
        actions.record(Action.APPROVE, approved, by, comment);
        return approved;
    }

    public synchronized PolicyVersion reject(int number, String by, String reason) {
        PolicyVersion rejected = version(number).rejected(new PolicyVersion.Rejection(by, clock.instant(), reason));
        store.save(rejected);
        actions.record(Action.REJECT, rejected, by, reason);
        return rejected;
    }

    // ---- activation

    /** Activates an approved version now, or schedules it when {@code effectiveAt} is in the future. */
    public synchronized PolicyVersion activate(int number, String by, Instant effectiveAt, String comment) {
        // Refused before the compilation: a version that may not be activated is a 409 even if it does not compile.
        PolicyVersion v = version(number).expect("activated", PolicyStatus.APPROVED);
        if (effectiveAt != null && effectiveAt.isAfter(clock.instant())) {
            CompiledPolicy checked = compiled(v);
            log.debug("version {} compiles ({}), scheduled for {}", number, checked.stamp(), effectiveAt);
            PolicyVersion scheduled = v.scheduled(effectiveAt, clock.instant());
            store.save(scheduled);
            actions.record(Action.SCHEDULE, scheduled, by, comment == null ? "effective " + effectiveAt : comment);
            return scheduled;
        }
        return putInForce(v, by, null, Action.ACTIVATE, comment);
    }

    /** Returns to the version that was active before the current one. */
    public synchronized PolicyVersion rollback(String by, String comment) {
        PolicyVersion current = version(store.activeState().orElse(serving).version());
        if (current.replaced() == null) {
            throw PolicyProblems.of(HttpStatus.CONFLICT, PolicyProblems.NO_ROLLBACK, "Nothing to roll back to",
                    "Version " + current.number() + " did not replace another version");
        }
        PolicyVersion previous = version(current.replaced());
        return putInForce(previous, by, previous.replaced(), Action.ROLLBACK,
                comment == null ? "rollback from version " + current.number() : comment);
    }

    /** {@code rollbackTo}: on a rollback, the version the restored one had itself replaced. */
    private PolicyVersion putInForce(PolicyVersion v, String by, Integer rollbackTo, Action action, String comment) {
        CompiledPolicy compiled = compiled(v);
        Instant now = clock.instant();
        // The shared state, not this instance's view of it, says which version is being replaced; the
        // compare-and-set on its change counter refuses an activation made meanwhile on another instance.
        PolicyStore.ActiveState shared = store.activeState().orElse(serving);
        PolicyVersion active = v.activated(by, now,
                action == Action.ROLLBACK ? rollbackTo : Integer.valueOf(shared.version()));
        PolicyStore.ActiveState next = store.pointTo(v.number(), by, now, shared.changes())
                .orElseThrow(() -> PolicyProblems.of(HttpStatus.CONFLICT, PolicyProblems.WRONG_STATUS,
                        "Concurrent activation", "Another activation happened at the same time; check the "
                                + "active version and retry"));
        if (shared.version() != v.number()) {
            store.find(shared.version()).ifPresent(current -> store.save(current.retired(now)));
        }
        store.save(active);
        serving = next;
        activePolicy.replace(compiled);
        actions.record(action, active, by, comment);
        log.info("policy version {} active hash={} by={} ({})", v.number(), v.contentHash(), by, action);
        return active;
    }

    /**
     * Called on every poll: follows an activation made by another instance, and runs the scheduled
     * activations that have come due (each claimed by exactly one instance).
     */
    public synchronized void synchronize() {
        if (!activePolicy.loaded()) {
            PolicyStore.ActiveState initial = initialState(store, actions, clock);
            activePolicy.replace(load(store, initial));
            serving = initial;
        }
        store.activeState().ifPresent(shared -> {
            if (shared.changes() != serving.changes()) {
                if (shared.version() != serving.version()
                        || !activePolicy.current().stamp().contentHash().equals(version(shared.version()).contentHash())) {
                    activePolicy.replace(compiled(version(shared.version())));
                    log.info("policy version {} active, following the shared state (change {})", shared.version(),
                            shared.changes());
                }
                serving = shared;
            }
        });
        for (PolicyVersion due : store.dueActivations(clock.instant())) {
            if (store.claimScheduled(due.number(), due.scheduledFor())) {
                putInForce(due, "scheduler", null, Action.SCHEDULED_ACTIVATION,
                        "scheduled for " + due.scheduledFor());
            }
        }
    }

    private CompiledPolicy compiled(PolicyVersion v) {
        CompilationResult result = compiler.compile(v.bundle());
        if (!result.succeeded()) {
            throw PolicyProblems.doesNotCompile(v.number(), result.errors());
        }
        return result.policy();
    }
}
