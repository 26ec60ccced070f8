package io.cexsafe.spi;

import io.cexsafe.Config;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import java.util.List;
import java.util.Set;

/** Providers listed in this module's test META-INF/services file, some deliberately broken. */
public final class TestProviders {
  private TestProviders() {}

  static EvidenceCollector collector(String id) {
    return new EvidenceCollector() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<Pillar> pillars() {
        return Set.of(Pillar.SUPPORT);
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        return CollectionResult.of(List.of());
      }
    };
  }

  /** A well-behaved provider. */
  public static final class Zeta implements EvidenceCollectorProvider {
    @Override
    public String id() {
      return "zeta";
    }

    @Override
    public EvidenceCollector create(Config settings) {
      return collector("zeta");
    }
  }

  /** Another well-behaved provider, listed after Zeta to check sorting. */
  public static final class Alpha implements EvidenceCollectorProvider {
    @Override
    public String id() {
      return "alpha";
    }

    @Override
    public EvidenceCollector create(Config settings) {
      return collector("alpha");
    }
  }

  /** Same id as Zeta: ignored as a duplicate. */
  public static final class ZetaAgain implements EvidenceCollectorProvider {
    @Override
    public String id() {
      return "zeta";
    }

    @Override
    public EvidenceCollector create(Config settings) {
      throw new AssertionError("a duplicate provider must not be created");
    }
  }

  /** Fails in its constructor: ServiceLoader reports a ServiceConfigurationError. */
  public static final class BrokenConstructor implements EvidenceCollectorProvider {
    public BrokenConstructor() {
      throw new IllegalStateException("boom in constructor");
    }

    @Override
    public String id() {
      return "broken";
    }

    @Override
    public EvidenceCollector create(Config settings) {
      return collector("broken");
    }
  }

  /** Fails when creating its collector. */
  public static final class BrokenCreate implements EvidenceCollectorProvider {
    @Override
    public String id() {
      return "broken-create";
    }

    @Override
    public EvidenceCollector create(Config settings) {
      throw new IllegalStateException("cannot create");
    }
  }
}
