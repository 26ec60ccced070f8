package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.HostPolicy;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an exchange's licence and registration claims against public registers, one source per
 * register. A source that fails is a problem of that source; the others still report.
 */
public final class RegulatorsCollector implements EvidenceCollector {
  public static final String ID = "regulators";
  private static final Logger LOG = LoggerFactory.getLogger(RegulatorsCollector.class);

  private final List<RegisterSource> sources;

  public RegulatorsCollector(List<RegisterSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.REGULATION);
  }

  @Override
  public String description() {
    return "licences and registrations in public registers (FCA, ESMA MiCA, FinCEN, VARA,"
        + " AUSTRAC, MAS, FINTRAC)";
  }

  public List<RegisterSource> sources() {
    return sources;
  }

  @Override
  public Map<String, HostPolicy> hostPolicies() {
    Map<String, HostPolicy> policies = new LinkedHashMap<>();
    // FCA: documented 50 per 10 s, also quoted as 10 per 10 s, and a 429 blocks for a minute
    policies.put(FcaSource.DEFAULT_HOST, new HostPolicy(1, 1.0));
    for (var base :
        List.of(
            EsmaSource.DEFAULT_BASE,
            FincenSource.DEFAULT_BASE,
            VaraSource.DEFAULT_BASE,
            AustracSource.DEFAULT_BASE,
            MasSource.DEFAULT_BASE,
            FintracSource.DEFAULT_BASE)) {
      policies.put(base.getHost(), new HostPolicy(1, 1.0));
    }
    return policies;
  }

  @Override
  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    List<RegisterSource> enabled = sources.stream().filter(RegisterSource::enabled).toList();
    if (enabled.isEmpty()) {
      return CollectionResult.skipped(
          ReasonCode.DISABLED,
          "every register source is switched off (regulators.<source>.enabled)");
    }
    List<RegisterSource> applicable = enabled.stream().filter(s -> s.appliesTo(exchange)).toList();
    if (applicable.isEmpty()) {
      return CollectionResult.skipped(
          ReasonCode.NO_IDENTIFIER,
          "the catalogue gives " + exchange.id() + " no register identifier or entity to check");
    }
    List<RegisterSource> runnable = new ArrayList<>();
    List<String> uncredentialed = new ArrayList<>();
    for (RegisterSource source : applicable) {
      source
          .missingCredentials()
          .ifPresentOrElse(
              why -> uncredentialed.add("[" + source.register().id() + "] not checked: " + why),
              () -> runnable.add(source));
    }
    if (runnable.isEmpty()) {
      return CollectionResult.skipped(
          ReasonCode.MISSING_CREDENTIALS, String.join("; ", uncredentialed));
    }
    CollectionResult.Builder result = CollectionResult.builder();
    Findings out = new Findings(ID, exchange, context, result);
    for (RegisterSource source : runnable) {
      if (context.isCancelled()) {
        result.problem(
            ReasonCode.CANCELLED,
            "["
                + source.register().id()
                + "] not checked: the run was cancelled or ran out of time",
            null);
        continue;
      }
      try {
        source.collect(exchange, out);
      } catch (SourceException e) {
        out.problem(source.register(), e);
      } catch (RuntimeException e) {
        // a bug in one source must not cost the evidence of the others
        LOG.warn(
            "register source '{}' failed for {}: {}",
            source.register().id(),
            exchange.id(),
            e.toString());
        LOG.debug("register source failure", e);
        result.problem(
            ReasonCode.INTERNAL_ERROR,
            "[" + source.register().id() + "] failed unexpectedly: " + e,
            null);
      }
    }
    for (String message : uncredentialed) {
      result.problem(ReasonCode.MISSING_CREDENTIALS, message, null);
    }
    return result.build();
  }
}
