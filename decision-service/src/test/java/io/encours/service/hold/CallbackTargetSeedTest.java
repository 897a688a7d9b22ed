package io.encours.service.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.service.FullStackTest;
import io.encours.service.audit.DecisionIds;
import io.encours.service.storage.WriteDurability;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Entries configured under encours.holds.callback-targets: added once, recorded, and refused when invalid. */
class CallbackTargetSeedTest extends FullStackTest {

    @Autowired
    private WriteDurability durability;

    @Test
    void a_configured_entry_is_added_once_and_recorded_as_a_change_by_the_configuration() throws Exception {
        CallbackTargets targets = targets();
        HoldProperties.CallbackTargetSeed seed = new HoldProperties.CallbackTargetSeed("https", "erp-seeded.example.com",
                null, false, "seeded-secret-from-the-environment-0123456789");

        targets.seed(List.of(seed));
        targets.seed(List.of(seed)); // the next start-up

        assertThat(targets.all()).filteredOn(t -> t.host().equals("erp-seeded.example.com")).singleElement()
                .satisfies(t -> {
                    assertThat(t.port()).isEqualTo(443);
                    assertThat(t.createdBy()).isEqualTo("configuration");
                });
        assertThat(targets.changes(1000)).filteredOn(c -> c.after() != null
                        && "erp-seeded.example.com".equals(c.after().get("host")))
                .singleElement().satisfies(c -> {
                    assertThat(c.who()).isEqualTo("configuration");
                    assertThat(c.action()).isEqualTo(CallbackTargetChange.ADDED);
                    assertThat(c.after()).doesNotContainKey("secret");
                });
        assertThat(targets.check("https://erp-seeded.example.com/holds").target().secret())
                .isEqualTo("seeded-secret-from-the-environment-0123456789");
    }

    @Test
    void an_invalid_configured_entry_stops_the_start_up_naming_the_property() {
        HoldProperties.CallbackTargetSeed metadata = new HoldProperties.CallbackTargetSeed("http", "169.254.169.254",
                null, false, null);

        assertThatThrownBy(() -> targets().seed(List.of(metadata)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("encours.holds.callback-targets[0]: host: is a link-local address");
    }

    @Test
    void the_entries_bind_from_properties_and_default_to_none() {
        HoldProperties bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(java.util.Map.of(
                        "encours.holds.callback-targets[0].scheme", "https",
                        "encours.holds.callback-targets[0].host", "erp.example.com",
                        "encours.holds.callback-targets[0].allow-private-address", "true",
                        "encours.holds.callback-targets[0].secret", "s".repeat(40))))
                .bind("encours.holds", HoldProperties.class).get();

        assertThat(bound.callbackAttempts()).isEqualTo(5);
        assertThat(bound.callbackTargets()).singleElement().satisfies(seed -> {
            assertThat(seed.host()).isEqualTo("erp.example.com");
            assertThat(seed.port()).isNull();
            assertThat(seed.allowPrivateAddress()).isTrue();
        });
        assertThat(new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        java.util.Map.of("encours.holds.callback-attempts", "3")))
                .bind("encours.holds", HoldProperties.class).get().callbackTargets()).isEmpty();
    }

    private CallbackTargets targets() {
        // The seeded host is not in any DNS: the test resolves it to a public documentation address.
        return new CallbackTargets(new CallbackTargetStore(mongo, durability, true),
                host -> List.of(InetAddress.getByName("203.0.113.20")), new DecisionIds(Clock.systemUTC()),
                Clock.systemUTC());
    }
}
