package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tolerant reading of DeFiLlama's loosely typed fields. Absent and {@code null} both mean unknown
 * and give {@code null}, never zero.
 */
final class Values {
  /** Above this a timestamp is taken to be in milliseconds rather than seconds. */
  private static final long MILLIS_THRESHOLD = 1_000_000_000_000L;

  /**
   * Significant digits a value may have. DeFiLlama's numbers are JavaScript doubles (17 digits), so
   * anything longer is not a measurement, and arithmetic on it would only cost time.
   */
  static final int MAX_DIGITS = 40;

  /**
   * Largest order of magnitude a value may reach: below 10^18 (a million times all the crypto
   * assets in the world, in USD) for amounts, well above any timestamp in milliseconds.
   */
  static final int MAX_MAGNITUDE = 18;

  /** Smallest order of magnitude of a non-zero value (a USD 10^-30 balance is no balance). */
  static final int MIN_MAGNITUDE = -30;

  private Values() {}

  static boolean isUnknown(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  /** A non-blank string, or null. */
  static String text(JsonNode node) {
    if (isUnknown(node) || !node.isValueNode()) {
      return null;
    }
    String text = node.asText().trim();
    return text.isEmpty() ? null : text;
  }

  /**
   * A number, or a string holding one; null when unknown, not a number, or a number that cannot be
   * represented ({@link #unrepresentable(JsonNode)} tells that case apart).
   */
  static BigDecimal decimal(JsonNode node) {
    return bounded(parsed(node));
  }

  /**
   * True when {@code node} holds a number (or a numeric string) that cannot be a real value: not
   * finite, more than {@link #MAX_DIGITS} significant digits, or an exponent beyond {@link
   * #MAX_MAGNITUDE} or {@link #MIN_MAGNITUDE}. Such a value drops the fact built on it, with a
   * problem, instead of being taken as unknown or worked with.
   */
  static boolean unrepresentable(JsonNode node) {
    if (isUnknown(node)) {
      return false;
    }
    if (node.isNumber() && (node.isDouble() || node.isFloat())) {
      return !Double.isFinite(node.doubleValue()) || bounded(parsed(node)) == null;
    }
    BigDecimal value = parsed(node);
    return value != null && bounded(value) == null;
  }

  /** The raw text of a value, shortened for messages. */
  static String raw(JsonNode node) {
    String text = node.isNumber() && node.isDouble() ? node.asText() : node.toString();
    return text.length() > 40
        ? text.substring(0, 40) + "… (" + text.length() + " characters)"
        : text;
  }

  private static BigDecimal parsed(JsonNode node) {
    if (isUnknown(node)) {
      return null;
    }
    if (node.isNumber()) {
      if (node.isDouble() || node.isFloat()) {
        double d = node.doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
      }
      return node.decimalValue();
    }
    if (node.isTextual()) {
      return parse(node.asText());
    }
    return null;
  }

  /** A number from its text; null when blank, not a number, or not representable. */
  static BigDecimal decimal(String text) {
    return bounded(parse(text));
  }

  /** True when {@code text} is a number that cannot be represented (see {@link #bounded}). */
  static boolean unrepresentable(String text) {
    BigDecimal value = parse(text);
    return value != null && bounded(value) == null;
  }

  private static BigDecimal parse(String text) {
    if (text == null || text.isBlank() || text.length() > 1_000) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * {@code value} when it can be a real value, zero normalised; null otherwise. Checked before any
   * arithmetic: {@code 1e999999} is a valid {@link BigDecimal}, but adding it to anything builds a
   * number of a million digits.
   */
  static BigDecimal bounded(BigDecimal value) {
    if (value == null) {
      return null;
    }
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    long magnitude = (long) value.precision() - value.scale();
    if (value.precision() > MAX_DIGITS || magnitude > MAX_MAGNITUDE || magnitude < MIN_MAGNITUDE) {
      return null;
    }
    return value;
  }

  /** A unix timestamp in seconds, milliseconds, or as a string of either; null otherwise. */
  static Instant epoch(JsonNode node) {
    return epoch(parsed(node));
  }

  static Instant epoch(BigDecimal value) {
    value = bounded(value);
    if (value == null || value.signum() <= 0) {
      return null;
    }
    try {
      long whole = value.longValue();
      return whole >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(whole) : Instant.ofEpochSecond(whole);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }

  static Instant epoch(long value) {
    if (value <= 0) {
      return null;
    }
    return value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }

  /** A list of non-blank strings; a plain string counts as a list of one. */
  static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (isUnknown(node)) {
      return out;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        String text = text(element);
        if (text != null) {
          out.add(text);
        }
      }
    } else {
      String text = text(node);
      if (text != null) {
        out.add(text);
      }
    }
    return out;
  }

  static String upper(String symbol) {
    return symbol.trim().toUpperCase(Locale.ROOT);
  }

  /** A link as an absolute http(s) URI with a host, or null for anything else. */
  static URI httpUri(String text) {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? uri
          : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
