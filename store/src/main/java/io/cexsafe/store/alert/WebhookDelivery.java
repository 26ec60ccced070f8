package io.cexsafe.store.alert;

import java.util.Objects;

/**
 * What became of posting one alert to the webhook.
 *
 * @param alert the alert
 * @param delivered true when the webhook answered 2xx
 * @param httpStatus the last HTTP status received, or null when none was (timeout, network error)
 * @param problem why it was not delivered (never containing the secret), or null when delivered
 */
public record WebhookDelivery(Alert alert, boolean delivered, Integer httpStatus, String problem) {
  /**
   * Checks that a problem is given exactly when the delivery failed.
   *
   * @param alert the alert
   * @param delivered true when the webhook answered 2xx
   * @param httpStatus the last HTTP status received, or null when none was (timeout, network error)
   * @param problem why it was not delivered (never containing the secret), or null when delivered
   * @throws IllegalArgumentException when a delivered alert has a problem or a failed one has none
   */
  public WebhookDelivery {
    Objects.requireNonNull(alert, "alert");
    if (delivered != (problem == null)) {
      throw new IllegalArgumentException("a failed delivery, and only that, has a problem");
    }
  }
}
