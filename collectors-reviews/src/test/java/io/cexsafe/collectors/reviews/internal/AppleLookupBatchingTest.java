package io.cexsafe.collectors.reviews.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.SourceException;
import io.cexsafe.testing.GeneratedCatalog;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppleLookupBatchingTest {
  private static final List<Exchange> RUN = GeneratedCatalog.of(150).all();
  private static final URI URI = java.net.URI.create("https://itunes.apple.com/lookup?id=1,2");

  @Test
  void batchesAreTheRunsTrackIdsInOrderChunkedAtAHundred() {
    assertThat(AppleLookup.batch("1700000001", RUN))
        .hasSize(AppleLookup.MAX_IDS_PER_LOOKUP)
        .startsWith("1700000001", "1700000002")
        .endsWith("1700000100");
    assertThat(AppleLookup.batch("1700000100", RUN)).startsWith("1700000001").hasSize(100);
    assertThat(AppleLookup.batch("1700000150", RUN))
        .hasSize(50)
        .startsWith("1700000101")
        .endsWith("1700000150");
  }

  @Test
  void anExchangeTheRunDoesNotListIsAskedAlone() {
    assertThat(AppleLookup.batch("42", RUN)).containsExactly("42");
    assertThat(AppleLookup.batch("42", List.of())).containsExactly("42");
  }

  @Test
  void anIdHeldTwiceIsAskedOnceAndMalformedIdsAreLeftOut() {
    Exchange copy =
        new Exchange(
            "copy",
            "Copy",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(new ExchangeIdentifier("apple.id", " 1700000001 ")));
    Exchange odd =
        new Exchange(
            "odd",
            "Odd",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(new ExchangeIdentifier("apple.id", "id1700000001")));
    assertThat(AppleLookup.batch("1700000001", List.of(RUN.get(0), copy, odd, RUN.get(1))))
        .containsExactly("1700000001", "1700000002");
  }

  @Test
  void theViewOfOneAppKeepsItsResultsAndCountsThem() throws Exception {
    JsonNode root =
        Payloads.parse(
            "{\"resultCount\":2,\"results\":[{\"trackId\":1,\"n\":\"a\"},{\"trackId\":2}]}",
            "test",
            null);
    JsonNode one = AppleLookup.only(root, "1", "us", URI);
    assertThat(one.get("resultCount").asInt()).isEqualTo(1);
    assertThat(one.get("results").get(0).get("n").asText()).isEqualTo("a");
    JsonNode none = AppleLookup.only(root, "3", "us", URI);
    assertThat(none.get("resultCount").asInt()).isZero();
    assertThat(none.get("results")).isEmpty();
  }

  @Test
  void aBatchAnswerWithoutResultsIsMalformed() throws Exception {
    JsonNode root = Payloads.parse("{\"errorMessage\":\"Invalid value\"}", "test", null);
    assertThatThrownBy(() -> AppleLookup.only(root, "1", "us", URI))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("no resultCount and results");
  }
}
