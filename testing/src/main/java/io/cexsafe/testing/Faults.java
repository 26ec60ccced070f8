package io.cexsafe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * The failures every collector must survive, as mock responses.
 *
 * <p>Faults marked {@linkplain #neverNotListed() never "not listed"} are answers that carry no
 * register, store or dataset content at all: a plain-text error, an HTML page, an empty 200, a body
 * cut off, a decompression bomb, a redirect to somewhere else. A collector that reads one of them
 * as "the exchange is not listed" (or as a clean run with nothing to report) turns an outage into
 * evidence of absence; the contract kit fails it.
 */
public enum Faults {
  /** 400 with a JSON error. */
  BAD_REQUEST(status(400, "application/json", "{\"error\":\"bad request\"}")),
  /** 404 with a JSON error. */
  NOT_FOUND(status(404, "application/json", "{\"error\":\"not found\"}")),
  /** 401: a missing or refused credential. */
  UNAUTHORIZED(status(401, "text/plain", "unauthorized")),
  /** 500 with a plain-text body. */
  SERVER_ERROR(status(500, "text/plain", "internal error")),
  /** 503 with a plain-text body. */
  SERVICE_UNAVAILABLE(status(503, "text/plain", "unavailable")),
  /** 429 with a {@code Retry-After} of one second. */
  RATE_LIMITED(
      new MockResponse.Builder()
          .code(429)
          .setHeader("Retry-After", "1")
          .setHeader("Content-Type", "application/json")
          .body("{\"error\":\"too many requests\"}")
          .build()),
  /** 403 with a CDN's browser-check page instead of the data. */
  CDN_CHALLENGE(
      status(
          403,
          "text/html; charset=UTF-8",
          "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
              + "<body>Checking your browser before accessing. Cloudflare Ray ID: 1234</body></html>")),
  /** A CDN's plain-text error with status 200 (Cloudflare's rate-limit code). */
  PLAIN_TEXT_ERROR(status(200, "text/plain", "error code: 1015"), true),
  /** A plain-text error body with a server error status. */
  PLAIN_TEXT_SERVER_ERROR(
      status(502, "text/plain; charset=utf-8", "Bad Gateway: upstream connect error"), true),
  /** 200 with a short HTML page instead of the data. */
  HTML_INSTEAD_OF_DATA(
      status(200, "text/html", "<html><body><h1>Maintenance</h1></body></html>"), true),
  /** A whole maintenance page answered with 200, as a CMS shows during an upgrade. */
  HTML_MAINTENANCE_PAGE(
      status(
          200,
          "text/html; charset=utf-8",
          "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              + "<title>Site under maintenance</title></head><body><main>"
              + "<h1>We&rsquo;ll be back soon</h1><p>Our register is undergoing scheduled"
              + " maintenance. Please try again later.</p></main></body></html>\n"),
      true),
  /** 200 with truncated JSON. */
  MALFORMED_JSON(status(200, "application/json", "{\"data\": [1, 2, {\"broken\": ")),
  /** 200 with an empty JSON body. */
  EMPTY_BODY(status(200, "application/json", ""), true),
  /** 200 with no body and no content type at all. */
  EMPTY_200(new MockResponse.Builder().code(200).body("").build(), true),
  /** 200 with {@code {}}: valid JSON with none of the expected fields. */
  EMPTY_JSON_OBJECT(status(200, "application/json", "{}")),
  /** 200 with the JSON {@code null}. */
  JSON_NULL(status(200, "application/json", "null")),
  /** Headers that take three seconds, past a test's read timeout. */
  SLOW_HEADERS(
      new MockResponse.Builder()
          .code(200)
          .headersDelay(3, TimeUnit.SECONDS)
          .setHeader("Content-Type", "application/json")
          .body("{}")
          .build()),
  /** The connection closed before any response. */
  DISCONNECT_AT_START(
      new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build()),
  /** The connection closed in the middle of a large body. */
  DISCONNECT_MID_BODY(
      new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/json")
          .body("{\"data\": [" + "1,".repeat(20_000) + "1]}")
          .onResponseBody(new SocketEffect.CloseSocket())
          .build(),
      true),
  /** A text body (CSV, TSV, HTML) whose connection drops after the first bytes. */
  DISCONNECT_MID_TEXT_BODY(
      new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "text/csv; charset=utf-8")
          .body("name,number,status\n" + "Example Ltd,12345,Registered\n".repeat(5_000))
          .throttleBody(8 * 1024, 5, TimeUnit.MILLISECONDS)
          .onResponseBody(new SocketEffect.CloseSocket())
          .build(),
      true),
  /**
   * A small gzip body that expands to {@value #BOMB_EXPANDED_BYTES} bytes of line breaks (which
   * JSON, CSV and HTML readers all skip, so only a size cap stops the reading).
   */
  GZIP_BOMB(null, true),
  /**
   * A 302 to another host, which answers every path with a 200 HTML page (a parked domain). The
   * contract kit serves that host; see {@link #response(URI)}.
   */
  REDIRECT_TO_OTHER_HOST(null, true);

  /** How far the {@link #GZIP_BOMB} expands: more than any collector's body cap. */
  public static final long BOMB_EXPANDED_BYTES = 160L * 1024 * 1024;

  /** What the other host of {@link #REDIRECT_TO_OTHER_HOST} answers. */
  public static final String PARKED_PAGE =
      "<!DOCTYPE html><html><head><title>example.net is for sale</title></head>"
          + "<body><h1>This domain is parked</h1></body></html>";

  private final MockResponse response;
  private final boolean neverNotListed;

  Faults(MockResponse response) {
    this(response, false);
  }

  Faults(MockResponse response, boolean neverNotListed) {
    this.response = response;
    this.neverNotListed = neverNotListed;
  }

  /**
   * The response for this fault.
   *
   * @return the response to enqueue
   * @throws IllegalStateException for {@link #REDIRECT_TO_OTHER_HOST}, which needs a target: use
   *     {@link #response(URI)}
   */
  public MockResponse response() {
    if (this == REDIRECT_TO_OTHER_HOST) {
      throw new IllegalStateException("REDIRECT_TO_OTHER_HOST needs a target: use response(URI)");
    }
    if (this == GZIP_BOMB) {
      return Bomb.RESPONSE;
    }
    return response;
  }

  /**
   * The response, with {@code elsewhere} as the target of a redirect to another host.
   *
   * @param elsewhere a URL on another host
   * @return the response to enqueue
   */
  public MockResponse response(URI elsewhere) {
    if (this != REDIRECT_TO_OTHER_HOST) {
      return response();
    }
    return new MockResponse.Builder()
        .code(302)
        .setHeader("Location", elsewhere.resolve("/moved-here").toString())
        .setHeader("Content-Type", "text/html")
        .body("<html><body>Moved</body></html>")
        .build();
  }

  /**
   * {@return true when the answer holds no content of the source at all, so a collector must report
   * it as a failure (failed or partial, with a reason code), never as "not listed" or a clean empty
   * run}
   */
  public boolean neverNotListed() {
    return neverNotListed;
  }

  /** {@return every fault} */
  public static List<Faults> all() {
    return List.of(values());
  }

  private static MockResponse status(int code, String contentType, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", contentType)
        .body(body)
        .build();
  }

  /** Built on first use: compressing the bomb takes a moment. */
  private static final class Bomb {
    static final MockResponse RESPONSE = build();

    private static MockResponse build() {
      Buffer compressed = new Buffer();
      byte[] lines = new byte[1024 * 1024];
      java.util.Arrays.fill(lines, (byte) '\n');
      try (GZIPOutputStream gzip = new GZIPOutputStream(compressed.outputStream())) {
        for (long written = 0; written < BOMB_EXPANDED_BYTES; written += lines.length) {
          gzip.write(lines);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/json")
          .setHeader("Content-Encoding", "gzip")
          .body(compressed)
          .build();
    }
  }
}
