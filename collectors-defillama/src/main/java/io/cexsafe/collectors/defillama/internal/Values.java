package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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

  /** A number, or a string holding one; null when unknown or not a finite number. */
  static BigDecimal decimal(JsonNode node) {
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
      return decimal(node.asText());
    }
    return null;
  }

  static BigDecimal decimal(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A unix timestamp in seconds, milliseconds, or as a string of either; null otherwise. */
  static Instant epoch(JsonNode node) {
    if (isUnknown(node)) {
      return null;
    }
    if (node.isNumber()) {
      return epoch(node.decimalValue());
    }
    if (node.isTextual()) {
      return epoch(decimal(node.asText()));
    }
    return null;
  }

  static Instant epoch(BigDecimal value) {
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
}
