package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SettingKey;
import io.cexsafe.SourceException;
import io.cexsafe.facts.SupportChannel;
import io.cexsafe.facts.SupportChannelType;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network collector for CLI tests, found through ServiceLoader: it calls {@code base-url} with
 * its {@code api-key} in a header, the way real collectors send credentials.
 */
public final class ProbeCollectorProvider implements EvidenceCollectorProvider {
  @Override
  public String id() {
    return "cli-probe";
  }

  private static final SettingKey<URI> BASE_URL = SettingKey.url("base-url", "where to probe");
  private static final SettingKey<Secret> API_KEY =
      SettingKey.secret("api-key", "sent in X-Api-Key");

  @Override
  public List<SettingKey<?>> settings() {
    return List.of(BASE_URL, API_KEY);
  }

  @Override
  public EvidenceCollector create(Config settings) {
    URI baseUrl = settings.find(BASE_URL).orElse(null);
    Optional<Secret> apiKey = settings.find(API_KEY);
    Logger log = LoggerFactory.getLogger(ProbeCollectorProvider.class);
    return new EvidenceCollector() {
      @Override
      public String id() {
        return "cli-probe";
      }

      @Override
      public Set<Pillar> pillars() {
        return Set.of(Pillar.SUPPORT);
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        if (baseUrl == null) {
          return CollectionResult.skipped(
              ReasonCode.NO_IDENTIFIER, "cli-probe.base-url is not set");
        }
        FetchRequest.Builder request =
            FetchRequest.builder(baseUrl.resolve("/probe/" + exchange.id()));
        apiKey.ifPresent(key -> request.secretHeader("X-Api-Key", key));
        FetchRequest built = request.build();
        log.debug("probing {} with key {}", built, apiKey.orElse(null));
        try {
          context.http().fetch(built);
        } catch (SourceException e) {
          return CollectionResult.failed(e);
        }
        // the probe plays a source with history: a past as-of reads it at that date
        Instant observed = context.asOfInPast() ? context.asOf() : context.clock().instant();
        return CollectionResult.builder()
            .add(
                Evidence.of(
                    exchange.id(),
                    new SupportChannel(SupportChannelType.EMAIL, null, true, null),
                    Provenance.builder("cli-probe")
                        .source(baseUrl, "probe")
                        .observedAt(observed)
                        .retrievedAt(context.clock().instant())
                        .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
                        .build()))
            .build();
      }
    };
  }
}
