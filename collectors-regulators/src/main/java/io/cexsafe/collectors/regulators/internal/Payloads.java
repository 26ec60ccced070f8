package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import java.util.Locale;

/** Checks on payloads that arrived with HTTP 200 but may not be what was asked for. */
public final class Payloads {
  private Payloads() {}

  /** True when the start of a body looks like an HTML page. */
  public static boolean looksLikeHtml(String start) {
    String lower = start.stripLeading().toLowerCase(Locale.ROOT);
    return lower.startsWith("<!doctype html")
        || lower.startsWith("<html")
        || lower.startsWith("<head")
        || lower.startsWith("<body");
  }

  /** True when an HTML body is a CDN or bot challenge rather than the page asked for. */
  public static boolean looksLikeChallenge(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    return lower.contains("just a moment")
        || lower.contains("cf-chl")
        || lower.contains("cloudflare ray id")
        || lower.contains("captcha")
        || lower.contains("checking your browser")
        || lower.contains("access denied")
        || lower.contains("request unsuccessful. incapsula");
  }

  /**
   * The failure to report for an HTML page where {@code expected} data was wanted: {@link
   * ReasonCode#BLOCKED} for a challenge page, {@link ReasonCode#MALFORMED_RESPONSE} otherwise.
   */
  public static SourceException htmlInsteadOf(String expected, String html, String source) {
    if (looksLikeChallenge(html)) {
      return new SourceException(
          ReasonCode.BLOCKED,
          source + " answered with a CDN or bot-challenge page instead of " + expected,
          source);
    }
    return new SourceException(
        ReasonCode.MALFORMED_RESPONSE,
        source + " answered with an HTML page instead of " + expected,
        source);
  }

  public static SourceException malformed(String source, String problem) {
    return new SourceException(ReasonCode.MALFORMED_RESPONSE, source + ": " + problem, source);
  }
}
