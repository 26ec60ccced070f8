package io.cexsafe.collectors.reviews.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Exchange;
import io.cexsafe.facts.AppRating;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.testing.Fixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our parsers against the recorded third-party samples, read only from {@code -Dcexsafe.reference};
 * skipped when they are not there.
 */
class ReferenceSamplesConformanceTest {
  private static String sample(String path) throws Exception {
    Path dir = Fixtures.requireReferenceSamples().resolve("reviews");
    return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
  }

  @Test
  void appleLookupSampleWithLongDoubleLiterals() throws Exception {
    JsonNode root =
        Payloads.MAPPER.readTree(sample("apple/itunes-lookup-1069512615-us-2022-10.json"));
    Harvest harvest = harvest();
    var storefront =
        AppleLookup.parse(harvest, root, "1069512615", null, "us", URI.create("http://x/lookup"));
    assertThat(storefront.available()).isTrue();
    assertThat(storefront.count()).isEqualTo(1279);
    assertThat(storefront.rating()).isEqualByComparingTo("3.35106");
    assertThat(harvest.evidence())
        .anySatisfy(e -> assertThat(e.fact()).isInstanceOf(AppRating.class));
  }

  @Test
  void appleReviewFeedSamplesUsAndLocalisedJapanese() throws Exception {
    var us =
        AppleReviewFeed.parse(
            Payloads.MAPPER.readTree(
                sample("apple/rss-customerreviews-json-us-1321994487-2021-04-trimmed.json")),
            "1321994487",
            "us",
            URI.create("http://x"));
    assertThat(us.reviews()).hasSize(5).allSatisfy(r -> assertThat(r.date()).isNull());
    assertThat(us.reviews().get(0).rating()).isEqualTo(2);
    var jp =
        AppleReviewFeed.parse(
            Payloads.MAPPER.readTree(
                sample("apple/rss-customerreviews-json-jp-1404176564-2020-08-trimmed.json")),
            "1404176564",
            "jp",
            URI.create("http://x"));
    assertThat(jp.reviews()).hasSize(3);
    assertThat(jp.lastPage()).isEqualTo(8);
    ReviewAnalysis analysis = new ReviewAnalysis(ThemeMatcher.compile(ThemeLexicon.bundled()), 3);
    var result = analysis.analyse(null, "JP", jp.reviews(), Instant.parse("2020-08-12T00:00:00Z"));
    assertThat(result.notAnalysed())
        .as("Japanese text is not analysed, not counted clean")
        .isEqualTo(3);
  }

  @Test
  void playScriptDataSampleValidatesDs5AndRejectsDs9() throws Exception {
    JsonNode root =
        Payloads.MAPPER.readTree(
            sample(
                "google-play/details-com.google.android.apps.translate-2026-07-scriptdata.json"));
    var details = PlayDetails.validate(root.get("ds:5"), "ds:5");
    assertThat(details.score()).isEqualByComparingTo("4.26508");
    assertThat(details.ratings()).isEqualTo(9_039_805);
    assertThat(details.histogram()).containsExactly(971173, 306894, 479693, 878696, 6403317);
    assertThat(details.writtenReviews()).isEqualTo(187_840);
    assertThat(PlayDetails.validate(root.get("ds:9"), "ds:9")).isNull();
    assertThat(PlayDetails.rpcs(root.get("AF_dataServiceRequests_raw").asText()))
        .containsEntry("ds:5", "Ws7gDc")
        .containsEntry("ds:9", "Ws7gDc")
        .containsEntry("ds:10", "oCPfdb");
  }

  @Test
  void playScriptHeadsMatchOurBlockPattern() throws Exception {
    String heads =
        sample("google-play/details-com.google.android.apps.translate-2026-07-script-heads.txt");
    // The heads are cut short, so only complete one-line blocks parse; their keys must be read.
    assertThat(PlayDetails.blocks(heads)).containsKeys("ds:2", "ds:4");
    assertThat(PlayDetails.rpcs(heads)).containsEntry("ds:5", "Ws7gDc").hasSize(13);
  }

  @Test
  void playBatchexecuteSample() throws Exception {
    String body =
        sample(
            "google-play/reviews-batchexecute-UsvDTd-com.google.android.apps.translate-2026-07-trimmed.txt");
    FetchResponse response =
        new FetchResponse(
            200, URI.create("http://x"), Map.of(), body.getBytes(StandardCharsets.UTF_8), false);
    var page = PlayReviews.parse(response, "com.google.android.apps.translate", "x");
    assertThat(page.reviews()).hasSize(5);
    assertThat(page.nextToken()).startsWith("Ct");
    assertThat(page.reviews().get(0).id()).isEqualTo("017452fc-0d4b-471d-b406-bcf0f52387a7");
    assertThat(page.reviews().get(0).date()).isEqualTo(Instant.ofEpochSecond(1783346124));
    assertThat(page.reviews().get(1).version()).isEqualTo("10.24.48.939568180.6-release");
  }

  private static Harvest harvest() {
    var context =
        new io.cexsafe.spi.CollectorContext() {
          @Override
          public io.cexsafe.http.HttpFetcher http() {
            throw new UnsupportedOperationException();
          }

          @Override
          public Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
          }

          @Override
          public Instant asOf() {
            return clock().instant();
          }

          @Override
          public Instant deadline() {
            return clock().instant().plusSeconds(60);
          }

          @Override
          public boolean offline() {
            return false;
          }

          @Override
          public io.cexsafe.ExchangeCatalog catalog() {
            return io.cexsafe.ExchangeCatalog.bundled();
          }

          @Override
          public <T> T shared(io.cexsafe.spi.SharedDataset<T> dataset) {
            throw new UnsupportedOperationException();
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    return new Harvest(Exchange.of("sample", "Sample"), context);
  }

  @SuppressWarnings("unused")
  private static final List<String> NOTE = List.of("samples are read, never copied");
}
