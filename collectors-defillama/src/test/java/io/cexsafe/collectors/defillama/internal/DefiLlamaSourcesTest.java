package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.ENDPOINTS;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.IN_THE_PAST;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.collectors.defillama.internal.DefiLlamaSnapshot.FlowRead;
import io.cexsafe.collectors.defillama.internal.FakeHttp.Answer;
import io.cexsafe.testing.Fixtures;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DefiLlamaSourcesTest {
  private static final Exchange BINANCE = ExchangeCatalog.bundled().find("binance").orElseThrow();
  private static final Exchange CRYPTO_COM =
      ExchangeCatalog.bundled().find("crypto-com").orElseThrow();

  private final DefiLlamaSources sources =
      new DefiLlamaSources(DefiLlamaSettings.defaults(), ENDPOINTS);

  private static Answer fixture(String name) {
    return Answer.json(Fixtures.fixture("defillama/" + name));
  }

  private static FakeHttp server() {
    return new FakeHttp()
        .answer("/cexs", fixture("cexs.json"))
        .answer("/hacks", fixture("hacks.json"))
        .answer("/stablecoins", fixture("stablecoins.json"))
        .answer("/protocol/binance-cex", fixture("protocol-binance-cex.json"))
        .answer("/protocol/crypto-com", fixture("protocol-crypto-com.json"))
        .answer("/inflows/binance-cex/1795176000", fixture("inflows-binance-24h.json"))
        .answer("/inflows/binance-cex/1794657600", fixture("inflows-binance-7d.json"))
        .answer("/inflows/binance-cex/1792670400", fixture("inflows-binance-30d.json"));
  }

  @Test
  void everythingAboutATrackedExchangeIsReadBeforeAnyEvidenceIsMade() {
    FakeHttp http = server();
    DefiLlamaSnapshot snapshot = sources.read(BINANCE, new FakeContext(http, TODAY));

    assertThat(snapshot.time()).isEqualTo(TODAY);
    assertThat(snapshot.listKnown()).isTrue();
    assertThat(snapshot.row().name()).isEqualTo("Binance");
    assertThat(snapshot.slug()).isEqualTo("binance-cex");
    assertThat(snapshot.ownTokens()).containsExactly("BNB");
    assertThat(snapshot.hacks().value()).isNotEmpty();
    assertThat(snapshot.stablecoins().value().contains("USDT")).isTrue();
    assertThat(snapshot.protocol().id()).isEqualTo("2269");
    // /cexs has no Binance flows, so each window comes from /inflows, ending now, BNB excluded
    assertThat(snapshot.reserves().flows())
        .extracting(FlowRead::hours)
        .containsExactly(24, 168, 720);
    assertThat(snapshot.reserves().flows().get(0).inflow().value().netUsd())
        .isEqualByComparingTo(new BigDecimal("-150000000.5"));
    assertThat(http.asked.get(0)).isEqualTo("/cexs");
    assertThat(http.asked.subList(1, 3)).containsExactlyInAnyOrder("/hacks", "/stablecoins");
    assertThat(http.asked.subList(3, http.asked.size()))
        .containsExactly(
            "/protocol/binance-cex",
            "/inflows/binance-cex/1795176000?end=1795262400&tokensToExclude=BNB",
            "/inflows/binance-cex/1794657600?end=1795262400&tokensToExclude=BNB",
            "/inflows/binance-cex/1792670400?end=1795262400&tokensToExclude=BNB");
  }

  @Test
  void whileAnotherExchangeLoadsCexsTheNextSharedListNobodyStartedIsLoaded() {
    FakeHttp first = server();
    DefiLlamaSnapshot snapshot =
        sources.read(BINANCE, new FakeContext(first, TODAY).loadingElsewhere("/cexs"));
    assertThat(first.asked.subList(0, 3)).containsExactly("/hacks", "/cexs", "/stablecoins");
    assertThat(first.asked).doesNotHaveDuplicates();
    assertThat(snapshot.hacks().value()).isNotEmpty();
    assertThat(snapshot.protocol().id()).isEqualTo("2269");

    FakeHttp second = server();
    sources.read(BINANCE, new FakeContext(second, TODAY).loadingElsewhere("/cexs", "/hacks"));
    assertThat(second.asked.subList(0, 3)).containsExactly("/stablecoins", "/cexs", "/hacks");

    FakeHttp untracked = server();
    sources.read(
        Exchange.of("nowhere", "Nowhere"),
        new FakeContext(untracked, TODAY).loadingElsewhere("/cexs", "/hacks"));
    assertThat(untracked.asked)
        .as("an exchange without a slug needs no stablecoin list")
        .containsExactly("/cexs", "/hacks");
  }

  @Test
  void aListLoadedAheadIsNotUsedWhenCexsIsRefused() {
    FakeHttp http =
        server().answer("/cexs", new Answer(200, "text/plain", "error code: 1015", null));
    DefiLlamaSnapshot snapshot =
        sources.read(BINANCE, new FakeContext(http, TODAY).loadingElsewhere("/cexs"));
    assertThat(snapshot.hostRefused()).isTrue();
    assertThat(snapshot.hacks().asked()).isFalse();
    assertThat(snapshot.stablecoins().asked()).isFalse();
    assertThat(http.asked).containsExactly("/hacks", "/cexs");
  }

  @Test
  void aListLoadedAheadThatFailedFailsInTheSnapshot() {
    FakeHttp http = server().answer("/hacks", Answer.status(500, "down"));
    DefiLlamaSnapshot snapshot =
        sources.read(BINANCE, new FakeContext(http, TODAY).loadingElsewhere("/cexs"));
    assertThat(snapshot.hacks().failure()).isNotNull();
    assertThat(snapshot.listKnown()).isTrue();
    assertThat(http.asked.stream().filter("/hacks"::equals)).hasSize(1);
  }

  @Test
  void flowsListedByCexsAreNotFetchedTodayButAreInThePast() {
    FakeHttp today = server();
    DefiLlamaSnapshot snapshot = sources.read(CRYPTO_COM, new FakeContext(today, TODAY));
    assertThat(snapshot.reserves().flows()).isEmpty();
    assertThat(today.asked).noneMatch(path -> path.startsWith("/inflows"));

    FakeHttp past =
        server()
            .answer(
                "/inflows/crypto-com/1793404800",
                Answer.json("{\"outflows\": 5, \"currentTokens\": {\"date\": 1793491200}}"))
            .answer("/inflows/crypto-com/1792886400", Answer.json("{\"outflows\": 6}"))
            .answer("/inflows/crypto-com/1790899200", Answer.json("{\"outflows\": 7}"));
    DefiLlamaSnapshot replay = sources.read(CRYPTO_COM, new FakeContext(past, IN_THE_PAST));
    assertThat(replay.reserves().flows()).hasSize(3).allMatch(f -> f.inflow().succeeded());
    assertThat(past.asked)
        .contains("/inflows/crypto-com/1793404800?end=1793491200&tokensToExclude=CRO");
  }

  @Test
  void aListThatIsNotJsonIsKeptAsAFailureAndTheRestIsStillRead() {
    FakeHttp http = server().answer("/cexs", new Answer(200, "text/html", "<html>x</html>", null));
    DefiLlamaSnapshot snapshot =
        sources.read(Exchange.of("nowhere", "Nowhere"), new FakeContext(http, TODAY));
    assertThat(snapshot.cexs().failure().reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(snapshot.row()).isNull();
    assertThat(snapshot.slug()).isNull();
    assertThat(snapshot.reserves()).isNull(); // nothing to read reserves under
    assertThat(snapshot.hacks().succeeded()).isTrue();
    assertThat(snapshot.stablecoins().asked()).isFalse(); // only tracked exchanges need it
  }

  @Test
  void aRefusedListStopsEveryOtherCall() {
    FakeHttp http =
        server().answer("/cexs", new Answer(200, "text/plain", "error code: 1015", null));
    DefiLlamaSnapshot snapshot = sources.read(BINANCE, new FakeContext(http, TODAY));
    assertThat(snapshot.hostRefused()).isTrue();
    assertThat(snapshot.cexs().failure().reason()).isEqualTo(ReasonCode.RATE_LIMITED);
    assertThat(snapshot.slug()).isEqualTo("binance-cex"); // from the catalogue
    assertThat(snapshot.hacks().asked()).isFalse();
    assertThat(snapshot.stablecoins().asked()).isFalse();
    assertThat(snapshot.reserves()).isNull();
    assertThat(http.asked).containsExactly("/cexs");
  }

  @Test
  void anUnknownProtocolReadsNoFlowsAndFailedFlowsAreKept() {
    FakeHttp missing = server().answer("/protocol/binance-cex", Answer.status(404, "Not Found"));
    DefiLlamaSnapshot snapshot = sources.read(BINANCE, new FakeContext(missing, TODAY));
    assertThat(snapshot.protocolMissing()).isTrue();
    assertThat(snapshot.reserves().flows()).isEmpty();
    assertThat(missing.asked).noneMatch(path -> path.startsWith("/inflows"));

    FakeHttp failing =
        server()
            .answer(
                "/inflows/binance-cex/1795176000",
                Answer.failing(new SourceException(ReasonCode.TIMEOUT, "slow", "https://x.test")));
    DefiLlamaSnapshot partly = sources.read(BINANCE, new FakeContext(failing, TODAY));
    assertThat(partly.reserves().flows().get(0).inflow().failure().reason())
        .isEqualTo(ReasonCode.TIMEOUT);
    assertThat(partly.reserves().flows().get(1).inflow().succeeded()).isTrue();
  }

  @Test
  void disabledEndpointsAreNotAsked() {
    DefiLlamaSettings off =
        DefiLlamaSettings.builder()
            .cexsEnabled(false)
            .hacksEnabled(false)
            .protocolEnabled(false)
            .inflowsEnabled(false)
            .build();
    FakeHttp http = server();
    DefiLlamaSnapshot snapshot =
        new DefiLlamaSources(off, new Endpoints(off)).read(BINANCE, new FakeContext(http, TODAY));
    assertThat(snapshot.cexs().asked()).isFalse();
    assertThat(snapshot.hacks().asked()).isFalse();
    assertThat(snapshot.stablecoins().asked()).isFalse();
    assertThat(snapshot.reserves().protocol()).isNull();
    assertThat(snapshot.reserves().flows()).isEmpty();
    assertThat(http.asked).isEmpty();
  }
}
