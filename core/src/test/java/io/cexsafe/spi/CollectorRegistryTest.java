package io.cexsafe.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ConfigurationException;
import org.junit.jupiter.api.Test;

class CollectorRegistryTest {
  @Test
  void discoveryDeduplicatesSortsAndSkipsBrokenProviders() {
    CollectorRegistry registry =
        CollectorRegistry.builder().discover(getClass().getClassLoader()).build();
    assertThat(registry.collectors())
        .extracting(EvidenceCollector::id)
        .containsExactly("alpha", "zeta");
    assertThat(registry.problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("NoSuchProviderClass"))
        .anySatisfy(p -> assertThat(p).contains("BrokenConstructor"))
        .anySatisfy(p -> assertThat(p).contains("broken-create"));
  }

  @Test
  void explicitRegistrationWinsOverDiscovery() {
    EvidenceCollector mine = TestProviders.collector("zeta");
    CollectorRegistry registry =
        CollectorRegistry.builder().register(mine).discover(getClass().getClassLoader()).build();
    assertThat(registry.collectors()).contains(mine);
  }

  @Test
  void explicitDuplicatesAndBadIdsAreConfigurationErrors() {
    assertThatThrownBy(
            () ->
                CollectorRegistry.builder()
                    .register(TestProviders.collector("a"))
                    .register(TestProviders.collector("a")))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () -> CollectorRegistry.builder().register(TestProviders.collector("Not_Kebab")))
        .hasMessageContaining("kebab-case");
  }

  @Test
  void withoutDiscoveryOnlyExplicitCollectorsRun() {
    assertThat(CollectorRegistry.builder().build().collectors()).isEmpty();
  }
}
