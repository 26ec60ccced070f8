package io.cexsafe.collectors.reviews.internal;

import static io.cexsafe.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsersTest {
  private static final URI FEED = URI.create("http://localhost/us/rss/customerreviews/page=1/json");

  private static FetchResponse response(String body, String contentType) {
    return new FetchResponse(
        200,
        URI.create("http://localhost/x"),
        Map.of("Content-Type", List.of(contentType)),
        body.getBytes(StandardCharsets.UTF_8),
        false);
  }

  @Test
  void appleFeedEntryMayBeASingleObjectAndMetadataEntriesAreSkipped() throws Exception {
    var page =
        AppleReviewFeed.parse(
            Payloads.MAPPER.readTree(fixture("apple/reviews-us-page2.json")),
            "1262148500",
            "us",
            FEED);
    assertThat(page.entries()).isEqualTo(1);
    assertThat(page.reviews())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rating()).isEqualTo(1);
              assertThat(r.version()).isEqualTo("3.212.0");
              assertThat(r.date()).isEqualTo(java.time.Instant.parse("2026-03-03T16:00:00Z"));
            });
    assertThat(page.lastPage()).isEqualTo(2);

    var gb =
        AppleReviewFeed.parse(
            Payloads.MAPPER.readTree(fixture("apple/reviews-gb-page1.json")),
            "1262148500",
            "gb",
            FEED);
    assertThat(gb.entries()).isEqualTo(4);
    assertThat(gb.reviews()).hasSize(3).allSatisfy(r -> assertThat(r.date()).isNull());
  }

  @Test
  void appleFeedWithoutAFeedObjectIsMalformed() {
    assertThatThrownBy(
            () -> AppleReviewFeed.parse(Payloads.MAPPER.readTree("{\"x\":1}"), "1", "us", FEED))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThatThrownBy(
            () ->
                AppleReviewFeed.parse(
                    Payloads.MAPPER.readTree("{\"feed\":{\"entry\":\"nope\"}}"), "1", "us", FEED))
        .isInstanceOf(SourceException.class);
  }

  @Test
  void payloadsRejectHtmlEmptyAndNullBodies() {
    for (String body : new String[] {"", "  ", "<html>x</html>", "null", "{\"a\":"}) {
      assertThatThrownBy(() -> Payloads.json(response(body, "application/json"), "test"))
          .as("body %s", body)
          .isInstanceOf(SourceException.class)
          .extracting(e -> ((SourceException) e).reason())
          .isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    }
  }

  @Test
  void playReviewsParseTheEnvelopeTheTokenAndChunkedAnswers() throws Exception {
    var page =
        PlayReviews.parse(
            response(fixture("play/reviews-page1.txt"), "application/json"),
            "co.mona.android",
            "x");
    assertThat(page.reviews()).hasSize(4);
    assertThat(page.nextToken()).isEqualTo("CtgBIs8BAfakeTokenForPageTwo_1234567890");
    assertThat(page.reviews().get(0).date()).isEqualTo(java.time.Instant.ofEpochSecond(1795100000));
    assertThat(page.reviews().get(3).text()).isNull();

    var chunked =
        PlayReviews.parse(
            response(fixture("play/reviews-chunked.txt"), "application/json"), "p", "x");
    assertThat(chunked.reviews())
        .singleElement()
        .satisfies(r -> assertThat(r.rating()).isEqualTo(1));
    assertThat(chunked.nextToken()).isNull();

    assertThat(
            PlayReviews.parse(
                    response(fixture("play/reviews-empty.txt"), "application/json"), "p", "x")
                .reviews())
        .isEmpty();
  }

  @Test
  void playReviewsWithAnUnexpectedShapeAreMalformed() {
    String moved =
        ")]}'\n\n[[\"wrb.fr\",\"UsvDTd\",\"[[[{\\\"id\\\":1}],[{\\\"id\\\":2}]]]\",null,null,null,\"generic\"]]";
    assertThatThrownBy(() -> PlayReviews.parse(response(moved, "application/json"), "p", "x"))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("expected shape");
    String noFrame = ")]}'\n\n[[\"di\",1]]";
    assertThatThrownBy(() -> PlayReviews.parse(response(noFrame, "application/json"), "p", "x"))
        .hasMessageContaining("no UsvDTd frame");
    String nullPayload = ")]}'\n\n[[\"wrb.fr\",\"UsvDTd\",null,null,null,[3],\"generic\"]]";
    assertThatThrownBy(() -> PlayReviews.parse(response(nullPayload, "application/json"), "p", "x"))
        .hasMessageContaining("no payload");
  }

  @Test
  void playFormBodyEncodesTheInnerRequestAsAString() {
    String body = PlayReviews.formBody("co.mona.android", 150, "Ct\"x");
    String decoded = java.net.URLDecoder.decode(body, StandardCharsets.UTF_8);
    assertThat(decoded)
        .isEqualTo(
            "f.req=[[[\"UsvDTd\",\"[null,null,[2,2,[150,null,\\\"Ct\\\\\\\"x\\\"],null,[]],"
                + "[\\\"co.mona.android\\\",7]]\",null,\"generic\"]]]");
  }

  @Test
  void playDetailsParseReadsBlocksAndRpcMap() throws Exception {
    String html = fixture("play/details.html");
    assertThat(PlayDetails.rpcs(html))
        .containsEntry("ds:5", "Ws7gDc")
        .containsEntry("ds:9", "Ws7gDc");
    assertThat(PlayDetails.blocks(html)).containsKeys("ds:0", "ds:4", "ds:5", "ds:8", "ds:9");
    var details = PlayDetails.parse(response(html, "text/html"), html, "x");
    assertThat(details.histogram()).containsExactly(52911, 14002, 31448, 97310, 1108742);
    assertThat(details.writtenReviews()).isEqualTo(41529);
    assertThat(details.title()).isEqualTo("Crypto.com - Buy Bitcoin, SOL");
  }

  @Test
  void playDetailsWithTwoRatingShapedFieldsAndNoneAtTheUsualPlaceIsAmbiguous() throws Exception {
    var record = Payloads.MAPPER.createArrayNode();
    record.addArray().add("App");
    for (int i = 1; i < 120; i++) {
      record.addNull();
    }
    var rating =
        Payloads.MAPPER.readTree(
            "[[\"4.0\",4.0],[null,[\"1\",1],[\"1\",1],[\"1\",1],[\"1\",1],[\"1\",1]],[\"5\",5]]");
    record.set(60, rating);
    record.set(70, rating);
    var data = Payloads.MAPPER.createArrayNode();
    data.addArray();
    data.addArray().addNull().addNull().add(record);
    assertThat(PlayDetails.validate(data, "ds:5")).isNull();
    record.setNull(70);
    assertThat(PlayDetails.validate(data, "ds:5").ratingIndex()).isEqualTo(60);
  }

  @Test
  void playDetailsRejectsZeroRatingsAndOutOfRangeScores() throws Exception {
    assertThat(
            PlayDetails.rating(
                Payloads.MAPPER.readTree(
                    "[[\"0.0\",0],[null,[\"0\",0],[\"0\",0],[\"0\",0],[\"0\",0],[\"0\",0]],[\"0\",0]]"),
                "t",
                "k",
                51))
        .isNull();
    assertThat(
            PlayDetails.rating(
                Payloads.MAPPER.readTree(
                    "[[\"7\",7.1],[null,[\"1\",1],[\"1\",1],[\"1\",1],[\"1\",1],[\"1\",1]],[\"5\",5]]"),
                "t",
                "k",
                51))
        .isNull();
  }
}
