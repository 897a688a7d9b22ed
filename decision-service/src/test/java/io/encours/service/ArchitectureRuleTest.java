package io.encours.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.encours.service.stats.planted.AccountsReadWithQuery;
import io.encours.service.stats.planted.DecisionsReadByName;
import io.encours.service.planted.UnlistedFeature;
import io.encours.service.stats.planted.HoldsReadAcrossFeatures;
import org.junit.jupiter.api.Test;

/**
 * The rules of ArchitectureTest, tried on classes planted in the test sources that break them
 * ({@code io.encours.service.stats.planted}): a rule that passes on everything would prove nothing.
 */
class ArchitectureRuleTest {

    private static JavaClasses stats() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.encours.service.stats", "io.encours.service.audit");
    }

    @Test
    void the_statistics_read_the_decisions_through_the_audit_store_and_pass_both_rules() {
        JavaClasses real = stats();
        assertThatCode(() -> ArchitectureTest.only_stores_touch_collections.check(real)).doesNotThrowAnyException();
        assertThatCode(() -> ArchitectureTest.features_use_only_the_features_listed.check(real))
                .doesNotThrowAnyException();
    }

    @Test
    void a_feature_opening_another_features_collection_by_name_fails_the_collection_rule() {
        JavaClasses planted = new ClassFileImporter().importClasses(DecisionsReadByName.class);
        assertThatThrownBy(() -> ArchitectureTest.only_stores_touch_collections.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(DecisionsReadByName.class.getName())
                .hasMessageContaining("getCollection");
    }

    @Test
    void a_feature_reading_another_features_collection_through_mongo_template_fails_the_collection_rule() {
        JavaClasses planted = new ClassFileImporter().importClasses(AccountsReadWithQuery.class);
        assertThatThrownBy(() -> ArchitectureTest.only_stores_touch_collections.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(AccountsReadWithQuery.class.getName())
                .hasMessageContaining("MongoTemplate.find");
    }

    @Test
    void a_spring_data_query_fails_the_one_way_to_query_rule() {
        JavaClasses planted = new ClassFileImporter().importClasses(AccountsReadWithQuery.class);
        assertThatThrownBy(() -> ArchitectureTest.no_spring_data_queries_or_index_operations.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(AccountsReadWithQuery.class.getName())
                .hasMessageContaining("Query");
    }

    @Test
    void only_the_migration_and_the_storage_helpers_stores_call_may_touch_collections_without_being_stores() {
        org.assertj.core.api.Assertions.assertThat(ArchitectureTest.COLLECTION_ACCESS_EXCEPTIONS)
                .containsOnlyKeys("migration.StoreMigration", "storage.StoreIndexes", "storage.Inserts");
    }

    @Test
    void a_feature_using_a_feature_not_listed_for_it_fails_the_dependency_rule() {
        JavaClasses planted = new ClassFileImporter().importClasses(HoldsReadAcrossFeatures.class);
        assertThatThrownBy(() -> ArchitectureTest.features_use_only_the_features_listed.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("stats may not use hold");
    }

    @Test
    void a_feature_package_not_listed_in_the_map_fails_the_dependency_rule() {
        JavaClasses planted = new ClassFileImporter().importClasses(UnlistedFeature.class);
        assertThatThrownBy(() -> ArchitectureTest.features_use_only_the_features_listed.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("feature 'planted'")
                .hasMessageContaining("is not listed in ALLOWED_FEATURE_DEPENDENCIES");
    }
}
