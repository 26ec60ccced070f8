package io.cexsafe.collectors.defillama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.http.FetchResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void absentAndNullAreBothUnknownNeverZero() throws Exception {
    JsonNode row = Payloads.MAPPER.readTree("{\"a\":null,\"b\":\"\",\"c\":[1]}");
    assertThat(Values.decimal(row.path("a"))).isNull();
    assertThat(Values.decimal(row.path("missing"))).isNull();
    assertThat(Values.decimal(row.path("b"))).isNull();
    assertThat(Values.decimal(row.path("c"))).isNull();
    assertThat(Values.text(row.path("a"))).isNull();
    assertThat(Values.epoch(row.path("a"))).isNull();
  }

  @Test
  void numbersKeepTheirDigits() throws Exception {
    JsonNode row =
        Payloads.MAPPER.readTree("{\"x\":139684360969.39758,\"y\":7.643953648e-09,\"z\":\"12.5\"}");
    assertThat(Values.decimal(row.path("x")).toPlainString()).isEqualTo("139684360969.39758");
    assertThat(Values.decimal(row.path("y"))).isEqualByComparingTo("0.000000007643953648");
    assertThat(Values.decimal(row.path("z"))).isEqualByComparingTo("12.5");
  }

  @Test
  void timestampsInSecondsMillisecondsOrStrings() throws Exception {
    JsonNode row =
        Payloads.MAPPER.readTree(
            "{\"s\":1640908800,\"ms\":1640908800000,\"str\":\"1640908800\",\"bad\":\"soon\"}");
    Instant expected = Instant.parse("2021-12-31T00:00:00Z");
    assertThat(Values.epoch(row.path("s"))).isEqualTo(expected);
    assertThat(Values.epoch(row.path("ms"))).isEqualTo(expected);
    assertThat(Values.epoch(row.path("str"))).isEqualTo(expected);
    assertThat(Values.epoch(row.path("bad"))).isNull();
  }

  @Test
  void numbersThatCannotBeRepresentedAreToldApartFromUnknown() throws Exception {
    JsonNode row =
        Payloads.MAPPER.readTree(
            "{\"huge\":1e999999,\"tiny\":1e-999999,\"nan\":NaN,\"inf\":-Infinity,"
                + "\"long\":"
                + "9".repeat(400)
                + ",\"digits\":0."
                + "1".repeat(60)
                + ",\"text\":\"1e999999\",\"zero\":0e999999,\"fine\":4.2e12,"
                + "\"small\":7.5e-09,\"null\":null,\"word\":\"soon\"}");
    for (String bad : new String[] {"huge", "tiny", "nan", "inf", "long", "digits", "text"}) {
      assertThat(Values.unrepresentable(row.path(bad))).as(bad).isTrue();
      assertThat(Values.decimal(row.path(bad))).as(bad).isNull();
      assertThat(Values.epoch(row.path(bad))).as(bad).isNull();
    }
    for (String fine : new String[] {"zero", "fine", "small", "null", "word", "missing"}) {
      assertThat(Values.unrepresentable(row.path(fine))).as(fine).isFalse();
    }
    assertThat(Values.decimal(row.path("zero"))).isEqualTo(BigDecimal.ZERO);
    assertThat(Values.decimal(row.path("fine"))).isEqualByComparingTo("4200000000000");
    assertThat(Values.raw(row.path("long"))).hasSizeLessThan(80).contains("400 characters");
  }

  @Test
  void anExponentNoBigDecimalCanHoldStillParsesTheAnswer() throws Exception {
    FetchResponse response =
        new FetchResponse(
            200,
            URI.create("https://api.example/test"),
            Map.of("Content-Type", List.of("application/json")),
            "{\"a\":1e9999999999,\"b\":12.25}".getBytes(StandardCharsets.UTF_8),
            false);
    JsonNode root = Payloads.tree(response, "test");
    assertThat(Values.unrepresentable(root.path("a"))).isTrue();
    assertThat(Values.decimal(root.path("b"))).isEqualByComparingTo("12.25");
  }

  @Test
  void timestampsBeyondAnyDateAreUnknown() throws Exception {
    JsonNode row = Payloads.MAPPER.readTree("{\"a\":1e30,\"b\":-5,\"c\":\"1e999999\"}");
    assertThat(Values.epoch(row.path("a"))).isNull();
    assertThat(Values.epoch(row.path("b"))).isNull();
    assertThat(Values.epoch(row.path("c"))).isNull();
  }

  @Test
  void aPlainStringCountsAsAListOfOne() throws Exception {
    JsonNode row = Payloads.MAPPER.readTree("{\"one\":\"Bitcoin\",\"many\":[\"A\",null,\"B\"]}");
    assertThat(Values.texts(row.path("one"))).containsExactly("Bitcoin");
    assertThat(Values.texts(row.path("many"))).containsExactly("A", "B");
    assertThat(Values.texts(row.path("none"))).isEmpty();
  }

  @Test
  void onlyAbsoluteWebLinksWithAHostAreLinks() {
    assertThat(Values.httpUri(" https://example.test/por "))
        .hasToString("https://example.test/por");
    assertThat(Values.httpUri("HTTP://example.test")).hasToString("HTTP://example.test");
    assertThat(Values.httpUri("javascript:alert(1)")).isNull();
    assertThat(Values.httpUri("ftp://example.test/x")).isNull();
    assertThat(Values.httpUri("https:///no-host")).isNull();
    assertThat(Values.httpUri("not a link")).isNull();
    assertThat(Values.httpUri(null)).isNull();
  }
}
