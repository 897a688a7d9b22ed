package io.encours.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package by feature, dependencies one way: decision uses audit, policy and web; audit uses storage;
 * storage, policy and web know no feature.
 */
@AnalyzeClasses(packages = "io.encours.service", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_cycles =
            slices().matching("io.encours.service.(*)..").should().beFreeOfCycles();

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
}
