package io.cexsafe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreesTest {
  private static JsonNode light(String json) throws IOException {
    return JsonTrees.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "{\"a\": 1, \"b\": [true, false, null, \"x\\u00e9\\n\"], \"c\": {\"d\": {}}}",
        "[0, -1, 2147483647, 2147483648, -9223372036854775808, 9223372036854775808]",
        "[1.0, 1.50, 0.1, -0.000, 1e3, 1.5E-7, 12345678901234567890.123456789]",
        "\"just text\"",
        "42",
        "{\"weights\": {\"custody\": 20, \"support\": 10.5}}"
      })
  void givesTheTreeTheMapperGives(String json) throws IOException {
    JsonNode expected = Json.mapper().readTree(json);
    JsonNode actual = light(json);
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.toString()).isEqualTo(expected.toString());
  }

  @Test
  void readsTheBundledCatalogueAsTheMapperDoes() throws IOException {
    try (InputStream a = ExchangeCatalog.class.getResourceAsStream("exchanges.json");
        InputStream b = ExchangeCatalog.class.getResourceAsStream("exchanges.json")) {
      assertThat(JsonTrees.read(a)).isEqualTo(Json.mapper().readTree(b));
    }
  }

  @Test
  void refusesAKeyWrittenTwiceTrailingContentAndNothing() {
    assertThatThrownBy(() -> light("{\"a\": 1, \"a\": 2}"))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> light("{} []"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("content after the JSON value");
    assertThatThrownBy(() -> light("  "))
        .isInstanceOf(IOException.class)
        .hasMessage("no JSON value");
    assertThatThrownBy(() -> light("{\"a\": ")).isInstanceOf(IOException.class);
  }
}
