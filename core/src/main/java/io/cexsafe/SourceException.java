package io.cexsafe;

import java.util.Objects;

/**
 * An expected failure while reading a source: network trouble, an HTTP error, a rate limit, a
 * malformed payload. Collectors catch it and report it as a {@link Problem}; it never escapes an
 * assessment.
 */
public class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the source failed. */
  private final ReasonCode reason;

  /** The URL or resource that failed, or null. */
  private final String source;

  /** The HTTP status, or null. */
  private final Integer httpStatus;

  /**
   * Creates a failure without a source or status.
   *
   * @param reason why the source failed; not {@link ReasonCode#NONE}
   * @param message a human explanation, without credentials
   * @throws IllegalArgumentException when the reason is {@link ReasonCode#NONE}
   */
  public SourceException(ReasonCode reason, String message) {
    this(reason, message, null, null, null);
  }

  /**
   * Creates a failure of a named source.
   *
   * @param reason why the source failed; not {@link ReasonCode#NONE}
   * @param message a human explanation, without credentials
   * @param source the URL or resource that failed, or null
   * @throws IllegalArgumentException when the reason is {@link ReasonCode#NONE}
   */
  public SourceException(ReasonCode reason, String message, String source) {
    this(reason, message, source, null, null);
  }

  /**
   * Creates a failure with every detail.
   *
   * @param reason why the source failed; not {@link ReasonCode#NONE}
   * @param message a human explanation, without credentials
   * @param source the URL or resource that failed, or null
   * @param httpStatus the HTTP status, or null
   * @param cause the underlying failure, or null
   * @throws IllegalArgumentException when the reason is {@link ReasonCode#NONE}
   */
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

  /** {@return why the source failed} */
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
