package io.encours.service.backtest;

import io.encours.rules.backtest.Backtest;
import io.encours.rules.backtest.BacktestReport;
import io.encours.service.audit.DecisionIds;
import io.encours.service.backtest.BacktestJob.Progress;
import io.encours.service.executor.Pools;
import io.encours.service.backtest.BacktestJob.Status;
import io.encours.service.job.JobRunner;
import io.encours.service.job.ProgressSaver;
import io.encours.service.policy.PolicyLifecycle;
import io.encours.service.replay.CompiledVersions;
import io.encours.service.web.ProblemException;
import io.encours.service.web.WebProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts and follows back-tests. The header is checked before anything starts (400 naming the column); the
 * rows are scored in the background on one thread, the progress saved about every second. One back-test runs
 * at a time on an instance (a second one is refused with 409 while it runs). At start-up, a back-test left
 * RUNNING by an instance that stopped is marked FAILED.
 */
@Service
class Backtests {
    private static final Logger log = LoggerFactory.getLogger(Backtests.class);
    /** A RUNNING back-test without a progress save for this long was left by a stopped instance. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);

    private final BacktestStore store;
    private final PolicyLifecycle lifecycle;
    private final CompiledVersions versions;
    private final DecisionIds ids;
    private final JsonMapper json;
    private final Clock clock;
    private final WebProperties web;
    /** One thread: one backtest at a time (a second is refused while one runs). */
    private final ExecutorService job;
    private final JobRunner<JobRunner.Job> runner;

    Backtests(BacktestStore store, PolicyLifecycle lifecycle, CompiledVersions versions, DecisionIds ids,
              JsonMapper json, Clock clock, WebProperties web, MeterRegistry meters) {
        this.job = Pools.fixed("backtest", 1, meters);
        this.runner = new JobRunner<>(job);
        this.store = store;
        this.lifecycle = lifecycle;
        this.versions = versions;
        this.ids = ids;
        this.json = json;
        this.clock = clock;
        this.web = web;
        JobRunner.interruptAbandoned("back-test", () -> {
            Instant now = clock.instant();
            return store.interruptAbandoned(now.minus(ABANDONED_AFTER), now);
        });
    }

    /**
     * Starts a back-test of version {@code number} on a labelled file (UTF-8, header on line 1).
     *
     * @param asOf decision date of rows without an {@code asOf}; today in the business time zone when null
     */
    BacktestJob start(int number, byte[] file, String fileName, LocalDate asOf, String by) {
        String hash = lifecycle.version(number).contentHash();
        String text = new String(file, StandardCharsets.UTF_8);
        int firstBreak = text.indexOf('\n');
        String header = (firstBreak < 0 ? text : text.substring(0, firstBreak)).replace("\r", "");
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        try {
            Backtest.checkHeader(header);
        } catch (IllegalArgumentException e) {
            throw BacktestProblems.badFile(e.getMessage());
        }
        long total = text.lines().skip(1).filter(l -> !l.isBlank()).count();
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(web.timeZone()));
        Instant now = clock.instant();
        BacktestJob started = new BacktestJob(ids.next(), number, hash, fileName, day.toString(), by, now, null,
                Status.RUNNING, Progress.of(0, total), null, null);
        byte[] body = text.startsWith("\uFEFF") ? text.substring(1).getBytes(StandardCharsets.UTF_8) : file;
        runner.start(JobRunner.Job.of(started.id(), () -> run(started, body, day, total)),
                () -> store.insert(started), BacktestProblems::busy);
        log.info("back-test {} of version {} on {} rows started by {}", started.id(), number, total, by);
        return started;
    }

    private void run(BacktestJob b, byte[] file, LocalDate asOf, long total) {
        ProgressSaver saver = new ProgressSaver(SAVE_EVERY);
        try {
            BacktestReport report = Backtest.run(versions.byNumber(b.version()).policy(),
                    new ByteArrayInputStream(file), asOf, rows -> saver.saveIfDue(false,
                            () -> store.progress(b.id(), Progress.of(rows, total), clock.instant())));
            long read = report.rowsUsed() + report.rowsRejected();
            store.finish(b.id(), Status.DONE, Progress.of(read, Math.max(read, total)),
                    json.writeValueAsString(report), null, clock.instant());
            log.info("back-test {} done: {}", b.id(), report.summaryLine());
        } catch (ProblemException e) {
            fail(b, total, e.problem().getDetail());
        } catch (IOException | RuntimeException e) {
            log.error("back-test {} failed", b.id(), e);
            fail(b, total, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void fail(BacktestJob b, long total, String error) {
        store.finish(b.id(), Status.FAILED, Progress.of(0, total), null, error, clock.instant());
    }

    BacktestJob find(String id) {
        return store.find(id).orElseThrow(() -> BacktestProblems.notFound(id));
    }

    List<BacktestJob> list(Integer version, int limit) {
        return store.list(version, limit);
    }

    BacktestJob latest(int version) {
        lifecycle.version(version);
        return store.latestDone(version).orElseThrow(() -> BacktestProblems.noneForVersion(version));
    }

    @PreDestroy
    void stop() {
        runner.stop();
        job.shutdownNow();
    }
}
