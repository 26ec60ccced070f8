package io.cexsafe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.spi.IdentityLookup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityMatcherTest {
  private static final HttpFetcher NO_HTTP = HttpSupport.offline();

  /** A lookup that lists fixed entries, or fails, and records what it was asked. */
  static class FixedLookup implements IdentityLookup {
    final String source;
    final List<IdentityCandidate> entries;
    final SourceException failure;
    final List<String> asked = new ArrayList<>();

    FixedLookup(String source, List<IdentityCandidate> entries, SourceException failure) {
      this.source = source;
      this.entries = entries;
      this.failure = failure;
    }

    @Override
    public String source() {
      return source;
    }

    @Override
    public List<IdentityCandidate> search(String name, HttpFetcher http) throws SourceException {
      asked.add(name);
      if (failure != null) {
        throw failure;
      }
      return entries;
    }
  }

  static IdentityCandidate entry(String source, String name, String scheme, String value) {
    return new IdentityCandidate(
        source,
        "https://" + source + ".example/" + value,
        List.of(new NameField("name", name)),
        List.of(new ExchangeIdentifier(scheme, value)),
        null,
        null);
  }

  private static FixedLookup defillama() {
    return new FixedLookup(
        "defillama",
        List.of(
            entry("defillama", "Binance", "defillama.slug", "binance-cex"),
            entry("defillama", "Binance US", "defillama.slug", "binance-us"),
            entry("defillama", "Gate.io", "defillama.slug", "gate"),
            entry("defillama", "Kraken", "defillama.slug", "kraken")),
        null);
  }

  @Test
  void anExchangeAndItsUsArmAreNeverMerged() {
    Resolution binance = IdentityMatcher.of(List.of(defillama())).resolve("Binance", NO_HTTP);
    assertThat(binance.accepted()).extracting(m -> m.candidate().name()).containsExactly("Binance");
    assertThat(binance.identifiers())
        .extracting(ExchangeIdentifier::value)
        .containsExactly("binance-cex");
    assertThat(binance.related())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.candidate().name()).isEqualTo("Binance US");
              assertThat(m.kind()).isEqualTo(MatchKind.REGIONAL_ARM);
              assertThat(m.evidence())
                  .contains("is a regional arm (a separate entity) of 'Binance'");
            });

    Resolution us = IdentityMatcher.of(List.of(defillama())).resolve("Binance.US", NO_HTTP);
    assertThat(us.accepted()).extracting(m -> m.candidate().name()).containsExactly("Binance US");
    assertThat(us.identifiers())
        .extracting(ExchangeIdentifier::value)
        .containsExactly("binance-us");
    assertThat(us.related()).extracting(m -> m.candidate().name()).containsExactly("Binance");
  }

  @Test
  void gateAndGateIoAreTheSameBrandWithItsEvidence() {
    Resolution gate = IdentityMatcher.of(List.of(defillama())).resolve("Gate", NO_HTTP);
    assertThat(gate.accepted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(MatchKind.SAME_BRAND_WITH_DOMAIN);
              assertThat(m.evidence())
                  .isEqualTo(
                      "defillama name 'Gate.io' is the same brand, written with a web domain, as 'Gate'"
                          + " (confidence 0.80)");
            });
    Exchange proposal = gate.toExchange(gate.proposedId());
    assertThat(proposal.id()).isEqualTo("gate-io");
    assertThat(proposal.name()).isEqualTo("Gate.io");
    assertThat(proposal.aliases()).containsExactly("Gate");
    assertThat(proposal.identifier("defillama.slug")).contains("gate");
    assertThat(proposal.identifiers().get(0).note()).startsWith("unreviewed: defillama name");
  }

  @Test
  void twoEntriesOfOneSourceThatTieAreAmbiguousAndNeitherIsAccepted() {
    FixedLookup fca =
        new FixedLookup(
            "fca",
            List.of(
                entry("fca", "Gate Technology Ltd", "fca.frn", "100001"),
                entry("fca", "Gate Ltd", "fca.frn", "100002"),
                entry("fca", "Gate Limited", "fca.frn", "100003")),
            null);
    Resolution resolution = IdentityMatcher.of(List.of(fca)).resolve("Gate", NO_HTTP);
    assertThat(resolution.accepted()).isEmpty();
    assertThat(resolution.found()).isFalse();
    assertThat(resolution.ambiguous())
        .extracting(m -> m.candidate().name())
        .containsExactly("Gate Limited", "Gate Ltd");
    assertThat(resolution.related())
        .extracting(m -> m.candidate().name())
        .containsExactly("Gate Technology Ltd");
    assertThat(resolution.identifiers()).isEmpty();
  }

  @Test
  void aLessConfidentEntryOfTheSameSourceIsAnAlternative() {
    FixedLookup esma =
        new FixedLookup(
            "esma",
            List.of(
                new IdentityCandidate(
                    "esma",
                    "https://esma.example/CASPS.csv",
                    List.of(
                        new NameField("ae_commercial_name", "Bybit"),
                        new NameField("ae_lei_name", "Bybit EU GmbH")),
                    List.of(new ExchangeIdentifier("esma.lei", "5299005V5GBSN2A4C303")),
                    new LegalEntity("Bybit EU GmbH", "AT", "5299005V5GBSN2A4C303", null),
                    "authorised"),
                entry("esma", "Bybit Ltd", "esma.lei", "529900AAAAAAAAAAAA00")),
            null);
    Resolution resolution = IdentityMatcher.of(List.of(esma)).resolve("Bybit", NO_HTTP);
    assertThat(resolution.accepted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(MatchKind.IDENTICAL);
              assertThat(m.field().field()).isEqualTo("ae_commercial_name");
            });
    assertThat(resolution.alternatives())
        .extracting(m -> m.candidate().name())
        .containsExactly("Bybit Ltd");
    assertThat(resolution.entities())
        .extracting(LegalEntity::lei)
        .containsExactly("5299005V5GBSN2A4C303");
  }

  @Test
  void aFailingSourceIsReportedAndTheOthersStillCount() {
    FixedLookup failing =
        new FixedLookup(
            "apple",
            List.of(),
            new SourceException(ReasonCode.RATE_LIMITED, "HTTP 429 from Apple", "https://apple"));
    FixedLookup defillama = defillama();
    Resolution resolution =
        IdentityMatcher.of(List.of(failing, defillama)).resolve("  Kraken ", NO_HTTP);
    assertThat(defillama.asked).containsExactly("Kraken");
    assertThat(resolution.searched()).containsExactly("apple", "defillama");
    assertThat(resolution.complete()).isFalse();
    assertThat(resolution.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.source()).isEqualTo("apple");
              assertThat(f.reason()).isEqualTo(ReasonCode.RATE_LIMITED);
            });
    assertThat(resolution.found()).isTrue();
  }

  @Test
  void aBugInOneLookupIsAFailureNotACrash() {
    IdentityLookup broken =
        new IdentityLookup() {
          @Override
          public String source() {
            return "broken";
          }

          @Override
          public List<IdentityCandidate> search(String name, HttpFetcher http) {
            throw new IllegalStateException("boom");
          }
        };
    Resolution resolution = IdentityMatcher.of(List.of(broken)).resolve("Kraken", NO_HTTP);
    assertThat(resolution.failures())
        .singleElement()
        .extracting(LookupFailure::reason)
        .isEqualTo(ReasonCode.INTERNAL_ERROR);
    assertThat(resolution.found()).isFalse();
    assertThat(resolution.displayName()).isEqualTo("Kraken");
  }

  @Test
  void aWholeListIsReadOncePerMatcherWithItsFailure() {
    FixedLookup listing =
        new FixedLookup("defillama", defillama().entries, null) {
          @Override
          public boolean listsEverything() {
            return true;
          }
        };
    IdentityMatcher matcher = IdentityMatcher.of(List.of(listing));
    assertThat(matcher.resolve("Binance", NO_HTTP).found()).isTrue();
    assertThat(matcher.resolve("Kraken", NO_HTTP).found()).isTrue();
    assertThat(listing.asked).containsExactly("Binance");

    FixedLookup failing =
        new FixedLookup(
            "esma", List.of(), new SourceException(ReasonCode.TIMEOUT, "timed out", null)) {
          @Override
          public boolean listsEverything() {
            return true;
          }
        };
    IdentityMatcher broken = IdentityMatcher.of(List.of(failing));
    assertThat(broken.resolve("Binance", NO_HTTP).failures()).hasSize(1);
    assertThat(broken.resolve("Kraken", NO_HTTP).failures()).hasSize(1);
    assertThat(failing.asked).containsExactly("Binance");
  }

  @Test
  void theEvidenceOfAResolutionSaysItIsUnreviewed() {
    Resolution resolution = IdentityMatcher.of(List.of(defillama())).resolve("Kraken", NO_HTTP);
    io.cexsafe.Evidence evidence =
        resolution.toEvidence("kraken", java.time.Instant.parse("2026-11-21T12:00:00Z"));
    io.cexsafe.facts.IdentityResolution fact =
        (io.cexsafe.facts.IdentityResolution) evidence.fact();
    assertThat(fact.query()).isEqualTo("Kraken");
    assertThat(fact.matches())
        .containsExactly("defillama name 'Kraken' is identical to 'Kraken' (confidence 1.00)");
    assertThat(fact.summary()).startsWith("unreviewed identity: 'Kraken' was matched at run time");
    assertThat(fact.pillars()).isEmpty();
    assertThat(evidence.provenance().collectorId()).isEqualTo("identity");
    assertThat(evidence.provenance().sourceUrl().toString())
        .isEqualTo("https://defillama.example/kraken");
  }

  @Test
  void twoLookupsForOneSourceAreRefused() {
    assertThatThrownBy(() -> IdentityMatcher.of(List.of(defillama(), defillama())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two identity lookups for source defillama");
  }

  @Test
  void nothingSimilarMeansNotFound() {
    Resolution resolution = IdentityMatcher.of(List.of(defillama())).resolve("Zzyzx", NO_HTTP);
    assertThat(resolution.matches()).isEmpty();
    assertThat(resolution.found()).isFalse();
    assertThat(resolution.complete()).isTrue();
  }
}
