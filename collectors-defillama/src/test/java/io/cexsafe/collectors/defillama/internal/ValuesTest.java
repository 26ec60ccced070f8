package io.cexsafe.collectors.defillama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
  void aPlainStringCountsAsAListOfOne() throws Exception {
    JsonNode row = Payloads.MAPPER.readTree("{\"one\":\"Bitcoin\",\"many\":[\"A\",null,\"B\"]}");
    assertThat(Values.texts(row.path("one"))).containsExactly("Bitcoin");
    assertThat(Values.texts(row.path("many"))).containsExactly("A", "B");
    assertThat(Values.texts(row.path("none"))).isEmpty();
  }
}
