package io.encours.service.decision;

import io.encours.service.EncoursApplication;
import io.encours.service.web.RequestContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bench helper of bench/simulation-bench.sh: records decisions through the service's own decision path,
 * in the service's own JVM, without HTTP. It starts the whole service (on a free port, the data folder of
 * ENCOURS_DATA_DIR) and calls {@link DecisionService#decide} from many threads, exactly what the decision
 * endpoints call after reading the JSON body: the active policy evaluates, the audit writer records each
 * decision durably in its hash chain (group commit), a REVIEW or BLOCK order opens its credit hold.
 * Only the HTTP layer (JSON parsing, security, Tomcat) is left out, because on a 2-core machine shared with
 * other builds it records 100 to 300 decisions a second and 200,000 would take the better part of an hour.
 *
 * <p>Arguments: decisions to record, threads, folder of the API's example bodies, and optionally the number of
 * days the decisions are spread over (their arrival times, ending now, so that "a day" of the trail holds
 * decisions / days records, as a real trail does; 0 or absent: all arrive now). The bodies are those
 * examples with the figures drawn at random (score, incidents, days late, exposure, amounts, terms), the four
 * decision types in turn. Lives in the decision package to reach the package-private request bodies.
 */
public final class BulkDecisions {
    private BulkDecisions() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Path examples = Path.of(args[2]);
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Instant end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long spacingMillis = days <= 0 ? 0 : days * 86_400_000L / count;
        ConfigurableApplicationContext app = SpringApplication.run(EncoursApplication.class, "--server.port=0");
        int exit = 0;
        try {
            DecisionService decisions = app.getBean(DecisionService.class);
            JsonMapper json = app.getBean(JsonMapper.class);
            List<ObjectNode> templates = new ArrayList<>();
            for (String name : List.of("orderCheck", "customerScore", "paymentTerms", "dunning")) {
                templates.add((ObjectNode) json.readTree(Files.readString(examples.resolve(name + ".json"))));
            }
            AtomicLong done = new AtomicLong();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    Random random = new Random(4242L + thread);
                    for (int i = thread; i < count; i += threads) {
                        DecisionBody body = body(json, templates.get(i % 4).deepCopy(), i % 4, random);
                        decisions.decide(body, new DecisionService.Call("bulk-" + start + "-" + i, "bench-bulk",
                                new RequestContext.Arrival(days <= 0 ? Instant.now().truncatedTo(ChronoUnit.MILLIS)
                                        : end.minusMillis((count - 1L - i) * spacingMillis), System.nanoTime())));
                        long n = done.incrementAndGet();
                        if (n % 20_000 == 0) {
                            System.out.printf("BULK progress=%d seconds=%.1f%n", n, (System.nanoTime() - start) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BULK recorded=%d seconds=%.1f rate=%.0f%n", done.get(), seconds, done.get() / seconds);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    private static DecisionBody body(JsonMapper json, ObjectNode b, int type, Random random) throws IOException {
        ObjectNode customer = (ObjectNode) b.get("customer");
        customer.put("id", "C-" + (1000 + random.nextInt(9000)));
        ((ObjectNode) customer.get("externalRating")).put("score", 5 + random.nextInt(91));
        ObjectNode behaviour = (ObjectNode) customer.get("paymentBehaviour");
        behaviour.put("incidentsLast12Months", random.nextInt(5));
        behaviour.put("averageDaysLate", random.nextInt(46));
        switch (type) {
            case 0 -> {
                ((ObjectNode) b.get("exposure")).put("openInvoices", amount(random, 0, 120_000));
                ((ObjectNode) b.get("order")).put("amount", amount(random, 500, 90_000))
                        .put("id", "SO-" + random.nextInt(1_000_000));
                return json.treeToValue(b, OrderCheckBody.class);
            }
            case 1 -> {
                return json.treeToValue(b, CustomerScoreBody.class);
            }
            case 2 -> {
                ((ObjectNode) b.get("requestedTerms")).put("days", 30 + 10 * random.nextInt(7));
                b.put("orderAmount", amount(random, 500, 90_000));
                return json.treeToValue(b, PaymentTermsBody.class);
            }
            default -> {
                LocalDate due = LocalDate.parse("2026-06-20").minusDays(random.nextInt(150));
                ((ObjectNode) b.get("invoice")).put("amount", amount(random, 100, 30_000))
                        .put("issuedOn", due.minusDays(30).toString()).put("dueDate", due.toString())
                        .put("number", "INV-" + random.nextInt(1_000_000));
                return json.treeToValue(b, DunningBody.class);
            }
        }
    }

    private static BigDecimal amount(Random random, int min, int max) {
        return BigDecimal.valueOf(min * 100L + (long) random.nextInt(max - min) * 100 + random.nextInt(100), 2);
    }
}
