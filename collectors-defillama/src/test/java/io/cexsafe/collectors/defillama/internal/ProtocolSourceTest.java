package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.ENDPOINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.internal.FakeHttp.Answer;
import io.cexsafe.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProtocolSourceTest {
  private static final String PATH = "/protocol/binance-cex";
  private final ProtocolSource source =
      new ProtocolSource(ENDPOINTS, 1_000_000, Duration.ofDays(30));

  private ProtocolRead read(Answer answer, Instant cutoff) {
    return source.read(new FakeHttp().answer(PATH, answer), "binance-cex", cutoff);
  }

  @Test
  void aHistoryIsReadIntoItsSummary() {
    ProtocolRead read =
        read(Answer.json(Fixtures.fixture("defillama/protocol-binance-cex.json")), null);
    assertThat(read.status()).isEqualTo(ProtocolRead.Status.READ);
    assertThat(read.problem()).isNull();
    assertThat(read.summary().id()).isEqualTo("2269");
    assertThat(read.summary().latestTotalUsd()).isEqualByComparingTo(new BigDecimal("1e11"));
  }

  @Test
  void notFoundMeansTheExchangeIsNotTracked() {
    ProtocolRead missing = read(Answer.status(404, "Not Found"), null);
    assertThat(missing.status()).isEqualTo(ProtocolRead.Status.MISSING);
    assertThat(missing.problem().reason()).isEqualTo(ReasonCode.NOT_LISTED);
    assertThat(missing.problem().message())
        .isEqualTo("DeFiLlama has no protocol 'binance-cex' (HTTP 404: Not Found)");
    assertThat(missing.problem().source()).isEqualTo("https://api.llama.fi" + PATH);

    ProtocolRead saidInABadRequest = read(Answer.status(400, "Protocol not found"), null);
    assertThat(saidInABadRequest.missing()).isTrue();

    ProtocolRead saidInData = read(Answer.json("{\"message\":\"Protocol not found\"}"), null);
    assertThat(saidInData.missing()).isTrue();
    assertThat(saidInData.problem().message())
        .isEqualTo("DeFiLlama has no protocol 'binance-cex': Protocol not found");
  }

  @Test
  void anyOtherBadRequestIsAClientError() {
    ProtocolRead read = read(Answer.status(400, "bad\n\tslug"), null);
    assertThat(read.status()).isEqualTo(ProtocolRead.Status.UNUSABLE);
    assertThat(read.problem().reason()).isEqualTo(ReasonCode.HTTP_CLIENT_ERROR);
    assertThat(read.problem().message()).endsWith("(HTTP 400: bad slug)");
    assertThat(read.problem().httpStatus()).isEqualTo(400);
  }

  @Test
  void anAnswerWithoutFiguresOrNotJsonIsUnusable() {
    ProtocolRead empty = read(Answer.json("{\"message\":\"internal hiccup\"}"), null);
    assertThat(empty.status()).isEqualTo(ProtocolRead.Status.UNUSABLE);
    assertThat(empty.problem().reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(empty.problem().message())
        .isEqualTo(
            "the /protocol answer for 'binance-cex' carries no reserve figures: internal hiccup");

    ProtocolRead html = read(new Answer(200, "text/html", "<html>oops</html>", null), null);
    assertThat(html.status()).isEqualTo(ProtocolRead.Status.UNUSABLE);
    assertThat(html.problem().message()).contains("HTML page instead of JSON");

    ProtocolRead broken = read(Answer.json("{\"tvl\": [{\"date\": 1,"), null);
    assertThat(broken.status()).isEqualTo(ProtocolRead.Status.UNUSABLE);
    assertThat(broken.problem().reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
  }

  @Test
  void aFailedCallIsKeptAsItsProblem() {
    ProtocolRead read =
        read(
            Answer.failing(
                new SourceException(ReasonCode.TIMEOUT, "too slow", "https://api.llama.fi" + PATH)),
            null);
    assertThat(read.status()).isEqualTo(ProtocolRead.Status.UNUSABLE);
    assertThat(read.problem().reason()).isEqualTo(ReasonCode.TIMEOUT);
    assertThat(read.summary()).isNull();
  }

  @Test
  void aPastDateBeforeTheHistoryHasNoReserves() {
    ProtocolRead read =
        read(
            Answer.json(Fixtures.fixture("defillama/protocol-binance-cex.json")),
            Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(read.status()).isEqualTo(ProtocolRead.Status.BEFORE_HISTORY);
    assertThat(read.problem().reason()).isEqualTo(ReasonCode.NO_HISTORY);
    assertThat(read.problem().message())
        .startsWith("DeFiLlama's history of /protocol/binance-cex begins on ")
        .endsWith(", after as-of 2020-01-01: no reserves figure for that date");
  }

  @Test
  void aReadIsEitherASummaryOrAProblem() {
    Problem problem = new Problem(ReasonCode.TIMEOUT, "slow", "https://x.test", null);
    assertThatThrownBy(() -> new ProtocolRead(ProtocolRead.Status.READ, null, problem))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProtocolRead(ProtocolRead.Status.MISSING, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
