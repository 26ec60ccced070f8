package io.cexsafe.testing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** The failures every collector must survive, as mock responses. */
public enum Faults {
  BAD_REQUEST(status(400, "application/json", "{\"error\":\"bad request\"}")),
  NOT_FOUND(status(404, "application/json", "{\"error\":\"not found\"}")),
  UNAUTHORIZED(status(401, "text/plain", "unauthorized")),
  SERVER_ERROR(status(500, "text/plain", "internal error")),
  SERVICE_UNAVAILABLE(status(503, "text/plain", "unavailable")),
  RATE_LIMITED(
      new MockResponse.Builder()
          .code(429)
          .setHeader("Retry-After", "1")
          .setHeader("Content-Type", "application/json")
          .body("{\"error\":\"too many requests\"}")
          .build()),
  CDN_CHALLENGE(
      status(
          403,
          "text/html; charset=UTF-8",
          "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
              + "<body>Checking your browser before accessing. Cloudflare Ray ID: 1234</body></html>")),
  PLAIN_TEXT_ERROR(status(200, "text/plain", "error code: 1015")),
  HTML_INSTEAD_OF_DATA(status(200, "text/html", "<html><body><h1>Maintenance</h1></body></html>")),
  MALFORMED_JSON(status(200, "application/json", "{\"data\": [1, 2, {\"broken\": ")),
  EMPTY_BODY(status(200, "application/json", "")),
  EMPTY_JSON_OBJECT(status(200, "application/json", "{}")),
  JSON_NULL(status(200, "application/json", "null")),
  SLOW_HEADERS(
      new MockResponse.Builder()
          .code(200)
          .headersDelay(3, TimeUnit.SECONDS)
          .setHeader("Content-Type", "application/json")
          .body("{}")
          .build()),
  DISCONNECT_AT_START(
      new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build()),
  DISCONNECT_MID_BODY(
      new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/json")
          .body("{\"data\": [" + "1,".repeat(20_000) + "1]}")
          .onResponseBody(new SocketEffect.CloseSocket())
          .build());

  private final MockResponse response;

  Faults(MockResponse response) {
    this.response = response;
  }

  public MockResponse response() {
    return response;
  }

  /** Every fault. */
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
}
