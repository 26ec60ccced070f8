package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.http.HttpFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads {@code /protocol/{slug}} with the streaming parser, so that only a small summary of a
 * possibly huge answer is kept. Every way the call can go wrong comes back as a {@link
 * ProtocolRead} holding the problem.
 */
final class ProtocolSource {
  private final Endpoints endpoints;
  private final long maxBodyBytes;
  private final Duration trendWindow;

  ProtocolSource(Endpoints endpoints, long maxBodyBytes, Duration trendWindow) {
    this.endpoints = endpoints;
    this.maxBodyBytes = maxBodyBytes;
    this.trendWindow = trendWindow;
  }

  /**
   * @param cutoff a past run's as-of (the history is read up to it), or null for the latest points
   */
  ProtocolRead read(HttpFetcher http, String slug, Instant cutoff) {
    return read(http, slug, cutoff, null);
  }

  /**
   * Reads the latest points, handing every dated point to {@code dated} (see {@link
   * ProtocolStreamParser.DatedPoints}); failures come back as for {@link #read(HttpFetcher, String,
   * Instant)}.
   */
  ProtocolRead readDated(HttpFetcher http, String slug, ProtocolStreamParser.DatedPoints dated) {
    return read(http, slug, null, dated);
  }

  private ProtocolRead read(
      HttpFetcher http, String slug, Instant cutoff, ProtocolStreamParser.DatedPoints dated) {
    FetchRequest request = endpoints.protocol(slug, maxBodyBytes);
    String display = request.displayUri();
    ProtocolSummary summary;
    try {
      summary =
          http.fetch(
              request,
              (body, head) -> {
                if (head.status() == 400 || head.status() == 404) {
                  throw noSuchProtocol(slug, body, head.status(), display);
                }
                return parse(slug, body, head, cutoff, display, dated);
              });
    } catch (SourceException e) {
      return e.reason() == ReasonCode.NOT_LISTED
          ? ProtocolRead.missing(Problem.of(e))
          : ProtocolRead.unusable(Problem.of(e));
    }
    if (summary.startsAfterAsOf()) {
      return ProtocolRead.beforeHistory(
          new Problem(
              ReasonCode.NO_HISTORY,
              "DeFiLlama's history of /protocol/"
                  + slug
                  + " begins on "
                  + AsOf.day(summary.firstDate())
                  + ", after as-of "
                  + AsOf.day(cutoff)
                  + ": no reserves figure for that date",
              display,
              null));
    }
    if (!summary.hasData()) {
      String message = summary.serverMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("not found")) {
        return ProtocolRead.missing(
            new Problem(
                ReasonCode.NOT_LISTED,
                "DeFiLlama has no protocol '" + slug + "': " + message,
                display,
                null));
      }
      return ProtocolRead.unusable(
          new Problem(
              ReasonCode.MALFORMED_RESPONSE,
              "the /protocol answer for '"
                  + slug
                  + "' carries no reserve figures"
                  + (message == null ? "" : ": " + message),
              display,
              null));
    }
    return ProtocolRead.read(summary);
  }

  private static SourceException noSuchProtocol(
      String slug, InputStream body, int status, String display) throws IOException {
    String text = sample(body);
    return new SourceException(
        text.toLowerCase(Locale.ROOT).contains("not found") || status == 404
            ? ReasonCode.NOT_LISTED
            : ReasonCode.HTTP_CLIENT_ERROR,
        "DeFiLlama has no protocol '"
            + slug
            + "' (HTTP "
            + status
            + (text.isEmpty() ? "" : ": " + text)
            + ")",
        display,
        status,
        null);
  }

  private ProtocolSummary parse(
      String slug,
      InputStream body,
      FetchResponse head,
      Instant cutoff,
      String display,
      ProtocolStreamParser.DatedPoints dated)
      throws IOException, SourceException {
    String what = "the /protocol answer for '" + slug + "'";
    try (JsonParser parser = Payloads.stream(body, head, what, display)) {
      return dated == null
          ? ProtocolStreamParser.parse(parser, trendWindow, cutoff, display)
          : ProtocolStreamParser.parse(parser, trendWindow, display, dated);
    } catch (JsonProcessingException e) {
      throw Payloads.malformed(what + " is not valid JSON: " + Payloads.describe(e), display);
    }
  }

  /** The start of an error body as one printable line. */
  private static String sample(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(2048);
    String text =
        new String(bytes, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }
}
