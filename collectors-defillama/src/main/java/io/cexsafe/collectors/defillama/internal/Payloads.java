package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.Json;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks that a DeFiLlama answer is JSON before Jackson sees it. DeFiLlama and its CDN answer
 * errors in many shapes (plain text, HTML, JSON {@code message} objects, all sometimes inside a
 * 200); each becomes a {@link SourceException} with a reason code instead of a parse error.
 */
final class Payloads {
  /**
   * Longest number text accepted (Jackson's default is 1,000). Longer than any real value, short
   * enough to parse in microseconds; a number within it that cannot be represented drops only the
   * fact built on it (see {@link Values#bounded}), a longer one fails the whole answer.
   */
  static final int MAX_NUMBER_LENGTH = 10_000;

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build();

  /** Lenient about unknown fields (a third-party payload), exact about numbers. */
  static final ObjectMapper MAPPER = mapper(true);

  /**
   * Reads fractions as doubles: the fallback for an answer holding an exponent that no {@link
   * BigDecimal} can take ({@code 1e9999999999}); it then becomes an infinite double, which {@link
   * Values} reports as unrepresentable. DeFiLlama's numbers are JavaScript doubles, so the other
   * values lose nothing.
   */
  private static final ObjectMapper DOUBLE_MAPPER = mapper(false);

  /**
   * {@code NaN} and {@code Infinity} are read as numbers (not JSON, but what a JavaScript server
   * may print), so that they drop only the fact that holds them rather than the whole answer.
   */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(CONSTRAINTS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private static ObjectMapper mapper(boolean exactFractions) {
    ObjectMapper mapper =
        Json.mapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, exactFractions)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    mapper.getFactory().setStreamReadConstraints(CONSTRAINTS);
    mapper.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
    return mapper;
  }

  private static final int SNIFF_BYTES = 512;

  private Payloads() {}

  /** Parses a buffered response body as a JSON tree, or fails with a reason. */
  static JsonNode tree(FetchResponse response, String what) throws SourceException {
    byte[] body = response.body();
    String source = response.uri().toString();
    rejectNonJson(body, body.length, response.contentType(), what, source);
    try {
      JsonNode node;
      try {
        node = MAPPER.readTree(body);
      } catch (NumberFormatException e) {
        node = DOUBLE_MAPPER.readTree(body);
      }
      if (node == null || node.isMissingNode()) {
        throw malformed(what + " is empty", source);
      }
      return node;
    } catch (NumberFormatException e) {
      throw malformed(what + " holds a number that cannot be read: " + e.getMessage(), source);
    } catch (JsonProcessingException e) {
      throw malformed(what + " is not valid JSON: " + describe(e), source);
    } catch (IOException e) {
      throw malformed(what + " could not be read: " + e.getMessage(), source);
    }
  }

  /**
   * Opens a streaming parser over a body after checking that it starts like JSON.
   *
   * @param display the URL as it may be shown (credentials masked)
   */
  static JsonParser stream(InputStream body, FetchResponse head, String what, String display)
      throws IOException, SourceException {
    PushbackInputStream in = new PushbackInputStream(body, SNIFF_BYTES);
    byte[] start = new byte[SNIFF_BYTES];
    int n = 0;
    while (n < start.length) {
      int read = in.read(start, n, start.length - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    rejectNonJson(start, n, head.contentType(), what, display);
    in.unread(start, 0, n);
    return FACTORY.createParser(in);
  }

  /** Explains a Jackson failure with its position. */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    if (cut > 0) {
      message = message.substring(0, cut);
    }
    if (e.getLocation() != null) {
      message +=
          " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return message;
  }

  static SourceException malformed(String message, String source) {
    return new SourceException(ReasonCode.MALFORMED_RESPONSE, message, source);
  }

  /** Fails unless the first non-blank byte can start a JSON document. */
  private static void rejectNonJson(
      byte[] bytes, int length, String contentType, String what, String source)
      throws SourceException {
    int first = 0;
    while (first < length && Character.isWhitespace(bytes[first])) {
      first++;
    }
    if (first == length) {
      throw malformed(what + " is empty", source);
    }
    // UTF-8 JSON never holds a NUL byte; with one in its first bytes Jackson would take the body
    // for UTF-16 or UTF-32 and fail with an I/O error that reads like a broken connection
    for (int i = 0; i < length; i++) {
      if (bytes[i] == 0) {
        throw malformed(what + " is not UTF-8 JSON: it holds a NUL byte at offset " + i, source);
      }
    }
    byte b = bytes[first];
    boolean jsonStart = b == '{' || b == '[' || b == '-' || (b >= '0' && b <= '9');
    if (jsonStart) {
      return;
    }
    String sample = sample(bytes, first, length);
    String lower = sample.toLowerCase(Locale.ROOT);
    if (lower.contains("error code: 1015")
        || lower.contains("too many requests")
        || lower.contains("rate limit")) {
      throw new SourceException(
          ReasonCode.RATE_LIMITED, what + " signals rate limiting: " + sample, source);
    }
    if (b == '<' || contentType.toLowerCase(Locale.ROOT).contains("html")) {
      if (lower.contains("cloudflare")
          || lower.contains("just a moment")
          || lower.contains("captcha")
          || lower.contains("access denied")) {
        throw new SourceException(
            ReasonCode.BLOCKED, what + " is a CDN challenge page instead of data", source);
      }
      throw malformed(what + " is an HTML page instead of JSON", source);
    }
    throw malformed(what + " is plain text instead of JSON: " + sample, source);
  }

  /** The start of a body as printable text, for messages. */
  private static String sample(byte[] bytes, int from, int length) {
    int end = Math.min(length, from + 120);
    String text = new String(bytes, from, end - from, StandardCharsets.UTF_8);
    return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }
}
