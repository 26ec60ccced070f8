package io.cexsafe.store.alert;

import io.cexsafe.Evidence;
import io.cexsafe.Json;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert: a rule whose condition became true for an exchange in a run.
 *
 * @param rule the id of the rule that fired, as named in {@code alerts.json}
 * @param type the rule's type, e.g. {@code grade-drop}
 * @param exchange the exchange
 * @param run the run in which it fired
 * @param asOf the run's evaluation instant
 * @param key what the alert is about, stable while the condition lasts (a later run raises the same
 *     alert again only once the condition has ended and come back)
 * @param message one human line saying what happened
 * @param evidence the evidence behind it; empty when a score alone moved
 */
public record Alert(
    String rule,
    String type,
    String exchange,
    String run,
    Instant asOf,
    String key,
    String message,
    List<Evidence> evidence) {
  /**
   * Validates the alert and copies its evidence; a null {@code evidence} means none.
   *
   * @param rule the id of the rule that fired, as named in {@code alerts.json}
   * @param type the rule's type, e.g. {@code grade-drop}
   * @param exchange the exchange
   * @param run the run in which it fired
   * @param asOf the run's evaluation instant
   * @param key what the alert is about, stable while the condition lasts (a later run raises the
   *     same alert again only once the condition has ended and come back)
   * @param message one human line saying what happened
   * @param evidence the evidence behind it; empty when a score alone moved
   * @throws IllegalArgumentException when the message is blank
   */
  public Alert {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(key, "key");
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /**
   * {@return the alert as one compact JSON line, without the line break: what {@code watch} prints}
   */
  public String toJsonLine() {
    return Json.write(this);
  }
}
