package io.encours.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Package by feature, dependencies one way: decision uses audit, policy and web; audit uses storage;
 * storage, policy and web know no feature.
 *
 * <p>A feature owns its collections: only its {@code *Store} classes name them and touch the driver's collections;
 * another feature calls that store's read API (docs/architecture.md, "A feature owns its collections"). Which
 * feature may use which is listed once, in {@link #ALLOWED_FEATURE_DEPENDENCIES}. {@code ArchitectureRuleTest}
 * shows both rules failing on planted violations.
 */
@AnalyzeClasses(packages = "io.encours.service", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String SERVICE = "io.encours.service.";

    /**
     * The features each feature may use (besides itself). A new feature package gets a line here, or the rule
     * fails for it: the map is the one place where the dependencies between features are decided.
     */
    static final Map<String, Set<String>> ALLOWED_FEATURE_DEPENDENCIES = Map.ofEntries(
            Map.entry("executor", Set.of()),
            Map.entry("storage", Set.of("executor")),
            Map.entry("web", Set.of()),
            Map.entry("job", Set.of()),
            Map.entry("audit", Set.of("storage")),
            Map.entry("security", Set.of("executor", "storage", "web")),
            Map.entry("policy", Set.of("executor", "security", "storage", "web")),
            Map.entry("editor", Set.of("policy", "web")),
            Map.entry("hold", Set.of("audit", "executor", "policy", "storage", "web")),
            Map.entry("account", Set.of("audit", "storage", "web")),
            Map.entry("decision", Set.of("account", "audit", "hold", "ledger", "policy", "web")),
            Map.entry("replay", Set.of("audit", "decision", "policy", "web")),
            Map.entry("simulation", Set.of("audit", "decision", "executor", "job", "policy", "replay", "storage", "web")),
            Map.entry("backtest", Set.of("audit", "executor", "job", "policy", "replay", "storage", "web")),
            Map.entry("stats", Set.of("audit", "web")),
            Map.entry("retention", Set.of("audit", "hold", "policy", "security", "storage", "web")),
            Map.entry("auditor", Set.of("audit", "hold", "policy", "retention", "security", "storage", "web")),
            Map.entry("migration", Set.of("audit", "storage")),
            Map.entry("ledger", Set.of("account", "audit", "storage", "web")),
            Map.entry("kpi", Set.of("account", "ledger", "web")),
            Map.entry("collections", Set.of("account", "decision", "executor", "ledger", "policy", "storage", "web")));

    /**
     * Classes not named {@code *Store} that may touch collections, each with its reason: the migration, which copies
     * every collection whatever feature owns it, and the two storage helpers every store calls on a collection it
     * hands them (they open none). A feature's writers, readers and index creation live in its stores.
     */
    static final Map<String, String> COLLECTION_ACCESS_EXCEPTIONS = Map.of(
            "migration.StoreMigration",
            "copies every collection generically, whatever feature owns it, and checks the copy",
            "storage.StoreIndexes",
            "makes the indexes of the collection a store hands it, under the store's own setting; opens none",
            "storage.Inserts",
            "inserts into the collection a store hands it, unless a unique key is taken; opens none");

    /**
     * The MongoTemplate methods a class that is not a store may call: the database handle (handed to a store) and
     * a database command (the health ping). Every other one reads or writes a collection.
     */
    private static final Set<String> DATABASE_LEVEL_CALLS = Set.of("getDb", "executeCommand");

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_cycles =
            slices().matching("io.encours.service.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule features_use_only_the_features_listed =
            classes().that().resideInAPackage("io.encours.service.*..")
                    .should(useOnlyListedFeatures());

    @ArchTest
    static final ArchRule only_stores_touch_collections =
            noClasses().that(areNeitherStoresNorListedExceptions()).should(touchCollections());

    /** One way to use MongoDB: the driver's collections with Filters and Updates, not Spring Data's Query or Index. */
    @ArchTest
    static final ArchRule no_spring_data_queries_or_index_operations =
            noClasses().that().resideInAPackage("io.encours.service..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework.data.mongodb.core.query..", "org.springframework.data.mongodb.core.index..");

    @ArchTest
    static final ArchRule the_audit_trail_knows_nothing_of_http_or_decisions =
            noClasses().that().resideInAPackage("..service.audit..")
                    .should().dependOnClassesThat().resideInAnyPackage("..service.decision..", "..service.web..",
                            "org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule storage_policy_and_web_know_no_feature =
            noClasses().that().resideInAnyPackage("..service.storage..", "..service.policy..", "..service.web..")
                    .should().dependOnClassesThat().resideInAnyPackage("..service.decision..", "..service.audit..");

    @ArchTest
    static final ArchRule the_rules_module_is_used_not_extended =
            noClasses().that().resideInAPackage("io.encours.service..")
                    .should().dependOnClassesThat().resideInAnyPackage("io.encours.rules.facts..", "org.kie..", "org.drools..");

    /** The feature of a class: the package right under io.encours.service, none for the application class. */
    static Optional<String> feature(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(SERVICE)) {
            return Optional.empty();
        }
        String rest = name.substring(SERVICE.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static ArchCondition<JavaClass> useOnlyListedFeatures() {
        return new ArchCondition<>("use only the features listed in ALLOWED_FEATURE_DEPENDENCIES") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String own = feature(c).orElseThrow();
                Set<String> allowed = ALLOWED_FEATURE_DEPENDENCIES.get(own);
                if (allowed == null) {
                    events.add(SimpleConditionEvent.violated(c, "feature '" + own + "' of " + c.getName()
                            + " is not listed in ALLOWED_FEATURE_DEPENDENCIES"));
                    return;
                }
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    Optional<String> other = feature(d.getTargetClass());
                    if (other.isPresent() && !other.get().equals(own) && !allowed.contains(other.get())) {
                        events.add(SimpleConditionEvent.violated(d, own + " may not use " + other.get() + ": "
                                + d.getDescription()));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> areNeitherStoresNorListedExceptions() {
        return new DescribedPredicate<>("are neither named *Store nor listed in COLLECTION_ACCESS_EXCEPTIONS") {
            @Override
            public boolean test(JavaClass c) {
                String top = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
                if (top.endsWith("Store")) {
                    return false;
                }
                return !(top.startsWith(SERVICE) && COLLECTION_ACCESS_EXCEPTIONS.containsKey(top.substring(SERVICE.length())));
            }
        };
    }

    private static ArchCondition<JavaClass> touchCollections() {
        return new ArchCondition<>("touch MongoCollection, MongoDatabase.getCollection or MongoTemplate's reads and writes") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    if (d.getTargetClass().isAssignableTo(MongoCollection.class)) {
                        events.add(SimpleConditionEvent.satisfied(d, d.getDescription()));
                    }
                }
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    JavaClass owner = call.getTargetOwner();
                    boolean collectionCall = owner.isAssignableTo(MongoOperations.class)
                            ? !DATABASE_LEVEL_CALLS.contains(call.getName())
                            : owner.isAssignableTo(MongoDatabase.class) && call.getName().equals("getCollection");
                    if (collectionCall) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
