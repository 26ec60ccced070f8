package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.InvalidInputException;
import io.cexsafe.scoring.Methodology;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The default methodology read without an ObjectMapper is the one the mapper reads. */
class MethodologyReaderBundledTest {
  private static final String DEFAULT = "methodology-default.json";

  @Test
  void theBundledDefaultReadsTheSameEitherWay() throws IOException {
    Methodology viaMapper;
    Methodology viaStreaming;
    try (InputStream a = Methodology.class.getResourceAsStream(DEFAULT);
        InputStream b = Methodology.class.getResourceAsStream(DEFAULT)) {
      viaMapper = MethodologyReader.read(a, DEFAULT);
      viaStreaming = MethodologyReader.readBundled(b, DEFAULT);
    }
    assertThat(viaStreaming).usingRecursiveComparison().isEqualTo(viaMapper);
    assertThat(viaStreaming.toJson()).isEqualTo(viaMapper.toJson());
    assertThat(Methodology.defaultMethodology().toJson()).isEqualTo(viaMapper.toJson());
  }

  @Test
  void aBrokenBundledMethodologyStillFailsWithItsPath() {
    assertThatThrownBy(
            () ->
                readBundled(
                    "{\"id\": \"x\", \"version\": \"1\", \"weights\": {\"custody\": 1, \"custody\": 2}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.weights.custody")
        .hasMessageContaining("named twice");
    assertThatThrownBy(
            () -> readBundled("{\"id\": \"x\", \"version\": \"1\", \"weights\": {\"nope\": 1}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown pillar 'nope'");
    assertThatThrownBy(() -> readBundled("{\"id\": "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("malformed JSON");
  }

  private static Methodology readBundled(String json) {
    return MethodologyReader.readBundled(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }
}
