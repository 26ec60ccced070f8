package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One thing that went wrong while collecting.
 *
 * @param reason the reason code
 * @param message a human explanation (never contains credentials)
 * @param source the URL or resource concerned, or null
 * @param httpStatus the HTTP status, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(ReasonCode reason, String message, String source, Integer httpStatus) {
  /**
   * Validates the components.
   *
   * @param reason the reason code
   * @param message a human explanation (never contains credentials)
   * @param source the URL or resource concerned, or null
   * @param httpStatus the HTTP status, or null
   */
  public Problem {
    Objects.requireNonNull(reason, "reason");
    message = Strings.requireText(message, "message");
    source = Strings.blankToNull(source);
  }

  /**
   * Records a source failure as a problem.
   *
   * @param e the failure
   * @return a problem with its reason, message, source and HTTP status
   */
  public static Problem of(SourceException e) {
    return new Problem(e.reason(), e.getMessage(), e.source(), e.httpStatus());
  }
}
