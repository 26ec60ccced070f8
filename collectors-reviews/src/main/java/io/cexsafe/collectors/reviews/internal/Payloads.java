package io.cexsafe.collectors.reviews.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchResponse;
import java.util.Locale;

/** Reading third-party payloads: lenient about unknown fields, strict about shape. */
final class Payloads {
  static final ObjectMapper MAPPER =
      io.cexsafe.Json.mapper()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Payloads() {}

  /** Parses a JSON body; HTML, empty bodies and broken JSON are malformed responses. */
  static JsonNode json(FetchResponse response, String what) throws SourceException {
    String text = response.text();
    String trimmed = text.strip();
    String source = response.uri() == null ? null : response.uri().toString();
    if (trimmed.isEmpty()) {
      throw malformed(what + ": empty body", source);
    }
    if (trimmed.startsWith("<")) {
      throw malformed(what + ": an HTML or XML page instead of JSON", source);
    }
    try {
      JsonNode node = MAPPER.readTree(trimmed);
      if (node == null || node.isNull() || node.isMissingNode()) {
        throw malformed(what + ": JSON null instead of data", source);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw malformed(what + ": not valid JSON (" + e.getOriginalMessage() + ")", source);
    } catch (NumberFormatException e) {
      throw unreadableNumber(what, e, source);
    }
  }

  static JsonNode parse(String json, String what, String source) throws SourceException {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null) {
        throw malformed(what + ": empty", source);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw malformed(what + ": not valid JSON (" + e.getOriginalMessage() + ")", source);
    } catch (NumberFormatException e) {
      throw unreadableNumber(what, e, source);
    }
  }

  /**
   * Jackson reads decimals exactly and throws this unchecked exception for one it cannot hold (an
   * exponent beyond an int): bad data like any other, and its message quotes the whole number.
   */
  private static SourceException unreadableNumber(
      String what, NumberFormatException e, String source) {
    String message = String.valueOf(e.getMessage());
    if (message.length() > 120) {
      message = message.substring(0, 120) + "…";
    }
    return malformed(what + ": a number that cannot be read (" + message + ")", source);
  }

  static SourceException malformed(String message, String source) {
    return new SourceException(ReasonCode.MALFORMED_RESPONSE, message, source);
  }

  /** True when a 200 body is a Google block, consent or captcha page. */
  static boolean isGoogleBlockPage(FetchResponse response, String body) {
    String host = response.uri() == null ? "" : String.valueOf(response.uri().getHost());
    String lower = body.length() > 20_000 ? body.substring(0, 20_000) : body;
    lower = lower.toLowerCase(Locale.ROOT);
    return host.equals("consent.google.com")
        || lower.contains("www.google.com/recaptcha")
        || lower.contains("unusual traffic");
  }

  /** True when a 200 body carries Play's throttling error. */
  static boolean isPlayThrottle(String body) {
    return body.contains("PlayGatewayError");
  }

  /** A text field, or null when absent, null or blank. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode() || !node.isValueNode()) {
      return null;
    }
    String text = node.asText();
    return text.isBlank() ? null : text;
  }
}
