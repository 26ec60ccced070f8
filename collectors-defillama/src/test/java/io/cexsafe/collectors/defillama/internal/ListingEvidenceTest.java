package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.ENDPOINTS;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.IN_THE_PAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.SearchRecord;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingEvidenceTest {
  private final ListingEvidence listing = new ListingEvidence(ENDPOINTS);

  @Test
  void aTrackedExchangeIsFoundByTheReserveSearch() {
    DefiLlamaSnapshot snapshot = SnapshotFixture.listedBinance().build();
    assertThat(listing.coverage(snapshot)).isEqualTo(Findings.NONE);
    Findings search = listing.reserveSearch(snapshot);
    assertThat(search.evidence())
        .singleElement()
        .satisfies(
            e -> {
              SearchRecord record = (SearchRecord) e.fact();
              assertThat(record.found()).isEqualTo(1);
              assertThat(e.provenance().note()).isEqualTo("tracked on-chain as 'binance-cex'");
              assertThat(e.provenance().staleAfter())
                  .isEqualTo(SnapshotFixture.NOW.plus(ListingEvidence.LINK_STALE_AFTER));
            });
  }

  @Test
  void aRowWithoutSlugIsNotTrackedAndSearchedInVain() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.row = SnapshotFixture.row("Binance", null, null, null);
    f.cexs = Fetched.of(new CexList(List.of(f.row)));
    f.slug = null;
    DefiLlamaSnapshot snapshot = f.build();
    assertThat(listing.coverage(snapshot).notTracked())
        .extracting(Problem::message)
        .containsExactly(
            "DeFiLlama lists Binance on its CEX page but does not track its reserves (no slug in"
                + " /cexs)");
    Findings search = listing.reserveSearch(snapshot);
    assertThat(((SearchRecord) search.evidence().get(0).fact()).found()).isZero();
    assertThat(search.evidence().get(0).provenance().note())
        .isEqualTo("not tracked: Binance is listed without a slug");
  }

  @Test
  void unrepresentableValuesOfTheRowAreProblemsAndAnUnlistedExchangeIsNotTracked() {
    SnapshotFixture listed = SnapshotFixture.listedBinance();
    listed.row =
        new CexRow(
            "Binance",
            "Binance-CEX",
            null,
            List.of(),
            null,
            null,
            null,
            null,
            BigDecimal.ONE,
            null,
            null,
            null,
            null,
            List.of("currentTvl 1e999999"));
    listed.cexs = Fetched.of(new CexList(List.of(listed.row)));
    assertThat(listing.coverage(listed.build()).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(p.message()).contains("(currentTvl 1e999999)");
            });

    SnapshotFixture unlisted = new SnapshotFixture();
    unlisted.cexs = Fetched.of(new CexList(List.of(SnapshotFixture.row("Other", "o", null, null))));
    assertThat(listing.coverage(unlisted.build()).notTracked())
        .extracting(Problem::message)
        .containsExactly(
            "DeFiLlama does not track Binance: no /cexs entry and no defillama.slug in the"
                + " catalogue");
  }

  @Test
  void aFailedListIsAProblemAndARefusedOneAlsoSaysTheRestWasSkipped() {
    SnapshotFixture failed = new SnapshotFixture();
    failed.cexs =
        Fetched.failed(new SourceException(ReasonCode.MALFORMED_RESPONSE, "bad", "https://a/cexs"));
    Findings findings = listing.coverage(failed.build());
    assertThat(findings.problems()).extracting(Problem::message).containsExactly("bad");
    assertThat(findings.notTracked()).isEmpty(); // unknown, not "not tracked"
    assertThat(listing.reserveSearch(failed.build())).isEqualTo(Findings.NONE);

    SnapshotFixture refused = new SnapshotFixture();
    refused.cexs =
        Fetched.failed(new SourceException(ReasonCode.RATE_LIMITED, "1015", "https://a/cexs"));
    assertThat(listing.coverage(refused.build()).problems())
        .extracting(Problem::message)
        .containsExactly(
            "1015", "skipped DeFiLlama's other endpoints because /cexs was refused (rate-limited)");
  }

  @Test
  void todaysListSaysNothingOfThePast() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.time = IN_THE_PAST;
    assertThat(listing.reserveSearch(f.build())).isEqualTo(Findings.NONE);
  }
}
