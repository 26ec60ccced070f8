package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Why a collector's outcome is not simply "ok". */
public enum ReasonCode {
  /** No reason: the outcome is ok. */
  NONE,
  /** The source does not list or track the exchange. */
  NOT_LISTED,
  /** The catalogue has no identifier this source needs. */
  NO_IDENTIFIER,
  /** The collector is switched off in configuration. */
  DISABLED,
  /** The run is offline and the collector needs the network. */
  OFFLINE,
  /** The source needs credentials that are not configured. */
  MISSING_CREDENTIALS,
  /** The source answered 4xx (other than 429). */
  HTTP_CLIENT_ERROR,
  /** The source answered 5xx, after retries. */
  HTTP_SERVER_ERROR,
  /** The source rate-limited us (429 or an equivalent inside a 200), after retries. */
  RATE_LIMITED,
  /** A CDN or bot challenge page instead of data. */
  BLOCKED,
  /** A connect, read or call timeout. */
  TIMEOUT,
  /** Connection refused, reset, DNS failure and other I/O errors. */
  NETWORK_ERROR,
  /**
   * The source redirected a request carrying a credential to another origin (scheme, host or port);
   * the redirect was not followed, so the credential stayed with its host.
   */
  REDIRECT_REFUSED,
  /** The payload could not be parsed or had an unexpected shape. */
  MALFORMED_RESPONSE,
  /** The payload exceeded the configured maximum size. */
  BODY_TOO_LARGE,
  /** The collector ran out of its time budget and was cancelled. */
  DEADLINE_EXCEEDED,
  /** The run was cancelled. */
  CANCELLED,
  /** Input data (a dataset or user file) is invalid. */
  INVALID_DATA,
  /** A bug in the collector: it threw instead of reporting. */
  INTERNAL_ERROR,
  /**
   * The source shows only its current state and the run's as-of lies in the past, so it cannot say
   * what was knowable then (see {@link io.cexsafe.spi.EvidenceCollector#keepsHistory()}).
   */
  NO_HISTORY,
  /** Evidence observed after the run's as-of instant was dropped: it was not knowable then. */
  AFTER_AS_OF;

  /** {@return the stable kebab-case id used in JSON, e.g. {@code not-listed}} */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a reason from its id, ignoring case and accepting underscores for dashes.
   *
   * @param id the id, e.g. {@code not-listed}
   * @return the reason
   * @throws IllegalArgumentException when no reason has that id
   */
  @JsonCreator
  public static ReasonCode fromId(String id) {
    String wanted = id == null ? "" : id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values())
        .filter(r -> r.name().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown reason code '" + id + "'"));
  }
}
