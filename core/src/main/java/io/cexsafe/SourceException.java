package io.cexsafe;

import java.util.Objects;

/**
 * An expected failure while reading a source: network trouble, an HTTP error, a rate limit, a
 * malformed payload. Collectors catch it and report it as a {@link Problem}; it never escapes an
 * assessment.
 */
public class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;
  private final String source;
  private final Integer httpStatus;

  public SourceException(ReasonCode reason, String message) {
    this(reason, message, null, null, null);
  }

  public SourceException(ReasonCode reason, String message, String source) {
    this(reason, message, source, null, null);
  }

  public SourceException(
      ReasonCode reason, String message, String source, Integer httpStatus, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    if (reason == ReasonCode.NONE) {
      throw new IllegalArgumentException("a source failure needs a reason");
    }
    this.source = source;
    this.httpStatus = httpStatus;
  }

  public ReasonCode reason() {
    return reason;
  }

  /** {@return the URL or resource that failed, or null} */
  public String source() {
    return source;
  }

  /** {@return the HTTP status, or null when there was no response} */
  public Integer httpStatus() {
    return httpStatus;
  }
}
