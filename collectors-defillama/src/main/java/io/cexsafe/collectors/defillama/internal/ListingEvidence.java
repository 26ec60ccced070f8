package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import java.time.Duration;

/**
 * What the {@code /cexs} list says of the exchange as such: whether DeFiLlama tracks it, what of
 * its row cannot be used, and the reserve search its answer amounts to.
 */
final class ListingEvidence {
  /** How long a link or a search of today's list stays current. */
  static final Duration LINK_STALE_AFTER = Duration.ofDays(90);

  private final Endpoints endpoints;

  ListingEvidence(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** The list's failure, its row's unusable values, and why the exchange is not tracked. */
  Findings coverage(DefiLlamaSnapshot snapshot) {
    EvidenceSink sink = EvidenceSink.of(snapshot);
    SourceException failure = snapshot.cexs().failure();
    if (failure != null) {
      sink.problem(failure);
    }
    CexRow row = snapshot.row();
    if (row != null) {
      for (String field : row.unrepresentable()) {
        sink.problem(
            new Problem(
                ReasonCode.MALFORMED_RESPONSE,
                "DeFiLlama's /cexs row for "
                    + row.name()
                    + " has a value that cannot be represented ("
                    + field
                    + "); the facts built on it are left out",
                endpoints.cexsPage(),
                null));
      }
    }
    if (row != null && !row.tracked()) {
      notTracked(
          sink,
          "DeFiLlama lists "
              + row.name()
              + " on its CEX page but does not track its reserves (no slug in /cexs)");
    } else if (snapshot.slug() == null && (snapshot.listKnown() || !snapshot.cexs().asked())) {
      notTracked(
          sink,
          "DeFiLlama does not track "
              + snapshot.exchange().name()
              + ": no /cexs entry and no defillama.slug in the catalogue");
    }
    if (snapshot.hostRefused()) {
      sink.problem(
          new Problem(
              failure.reason(),
              "skipped DeFiLlama's other endpoints because /cexs was refused ("
                  + failure.reason().id()
                  + ")",
              failure.source(),
              null));
    }
    return sink.findings();
  }

  /**
   * Whether DeFiLlama tracks the exchange's wallets at all, as a search: "not tracked" is a checked
   * absence of on-chain reserve figures, not an unknown. Only a list that answered counts, and only
   * today's list: it says nothing of the past.
   */
  Findings reserveSearch(DefiLlamaSnapshot snapshot) {
    if (!snapshot.listKnown() || snapshot.time().past()) {
      return Findings.NONE;
    }
    EvidenceSink sink = EvidenceSink.of(snapshot);
    String slug = snapshot.slug();
    CexRow row = snapshot.row();
    boolean tracked = slug != null && !snapshot.protocolMissing();
    sink.add(
        () ->
            new SearchRecord(
                SearchTopic.RESERVES,
                "DeFiLlama CEX list",
                null,
                null,
                tracked ? 1 : 0,
                "exchanges whose published wallets DeFiLlama sums (its CEX transparency page)"),
        sink.provenance(
            endpoints.cexsPage(),
            "DeFiLlama CEX transparency list",
            snapshot.time().retrievedAt(),
            LINK_STALE_AFTER,
            tracked
                ? "tracked on-chain as '" + slug + "'"
                : "not tracked: "
                    + (row != null
                        ? row.name() + " is listed without a slug"
                        : "no /cexs entry"
                            + (slug == null ? "" : ", and /protocol/" + slug + " is unknown"))));
    return sink.findings();
  }

  private void notTracked(EvidenceSink sink, String message) {
    sink.notTracked(new Problem(ReasonCode.NOT_LISTED, message, endpoints.cexsPage(), null));
  }
}
