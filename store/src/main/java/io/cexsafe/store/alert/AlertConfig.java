package io.cexsafe.store.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.InputFiles;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Json;
import io.cexsafe.scoring.RedFlagKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contents of an {@code alerts.json}: the alert rules and an optional webhook. The format is
 * described in {@code docs/alerts.md}; every mistake is reported as an {@link
 * InvalidInputException} naming the file and the JSON path, e.g. {@code alerts.json:
 * $.rules[2].percent: must be above 0 and at most 100}.
 *
 * @param rules the rules, in file order, with distinct ids; not empty
 * @param webhook where to send alerts as well as stdout, or null
 */
public record AlertConfig(List<AlertRule> rules, Webhook webhook) {
  private static final List<String> TYPES =
      List.of(
          "grade-drop",
          "score-drop",
          "reserves-down",
          "net-outflow",
          "licence-status-change",
          "new-incident",
          "stale-proof-of-reserves",
          "red-flag");

  /**
   * Validates the configuration and copies its rules.
   *
   * @param rules the rules, in file order, with distinct ids; not empty
   * @param webhook where to send alerts as well as stdout, or null
   * @throws IllegalArgumentException when there is no rule or two rules share an id
   */
  public AlertConfig {
    rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("at least one rule is needed");
    }
    Set<String> ids = new HashSet<>();
    for (AlertRule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("two rules have the id " + rule.id());
      }
    }
  }

  /**
   * How far back before the latest run the rules read stored history: the longest window of a
   * {@code reserves-down} rule, or zero when the latest run and the one before are enough.
   *
   * @return the look-back
   */
  public Duration lookback() {
    return Duration.ofDays(
        rules.stream()
            .filter(AlertRule.ReservesDown.class::isInstance)
            .mapToInt(rule -> ((AlertRule.ReservesDown) rule).days())
            .max()
            .orElse(0));
  }

  /**
   * Where alerts are posted: each alert's JSON line as the body of one POST, signed with
   * HMAC-SHA256 under the secret of the setting {@link WebhookSender#SECRET_SETTING} (never in the
   * file itself).
   *
   * @param url the http or https endpoint
   * @param timeout the longest one delivery may take, all attempts included
   * @param maxAttempts how many times a delivery is tried (on a network error, 429 or 5xx)
   */
  public record Webhook(URI url, Duration timeout, int maxAttempts) {
    /**
     * Validates the webhook.
     *
     * @param url the http or https endpoint
     * @param timeout the longest one delivery may take, all attempts included
     * @param maxAttempts how many times a delivery is tried (on a network error, 429 or 5xx)
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host or
     *     carries credentials, the timeout is not above 0 and at most 600 seconds, or {@code
     *     maxAttempts} is outside [1, 10]
     */
    public Webhook {
      Objects.requireNonNull(url, "url");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!url.isAbsolute()
          || !(scheme.equals("http") || scheme.equals("https"))
          || url.getHost() == null) {
        throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
      }
      if (url.getUserInfo() != null) {
        throw new IllegalArgumentException(
            "url must not carry credentials; the body is signed with the secret instead");
      }
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()
          || timeout.isZero()
          || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("timeout must be above 0 and at most 600 seconds");
      }
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be within [1, 10]: " + maxAttempts);
      }
    }
  }

  /**
   * Reads an {@code alerts.json}.
   *
   * @param file the file (a regular file of at most 16 MiB)
   * @return its rules and webhook
   * @throws InvalidInputException when it cannot be read or says something invalid
   */
  public static AlertConfig load(Path file) {
    return parse(InputFiles.readString(file), file.toString());
  }

  /**
   * Reads the text of an {@code alerts.json}.
   *
   * @param json the text
   * @param sourceName names the text in errors
   * @return its rules and webhook
   * @throws InvalidInputException when the text says something invalid
   */
  public static AlertConfig parse(String json, String sourceName) {
    JsonNode root = Json.read(json, sourceName, JsonNode.class);
    Reader reader = new Reader(sourceName);
    if (root == null || !root.isObject()) {
      throw reader.invalid("$", "must be an object with \"rules\" (and optionally \"webhook\")");
    }
    reader.onlyFields(root, "$", "rules", "webhook");
    JsonNode rulesNode = root.get("rules");
    if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
      throw reader.invalid("$.rules", "must be a non-empty array of rules");
    }
    List<AlertRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rulesNode.size(); i++) {
      String path = "$.rules[" + i + "]";
      AlertRule rule = reader.rule(rulesNode.get(i), path);
      if (!ids.add(rule.id())) {
        throw reader.invalid(
            path + ".id",
            "'" + rule.id() + "' is used by an earlier rule; give each rule its own id");
      }
      rules.add(rule);
    }
    JsonNode hook = root.get("webhook");
    Webhook webhook = hook == null || hook.isNull() ? null : reader.webhook(hook, "$.webhook");
    return new AlertConfig(rules, webhook);
  }

  /** Reads one part of the file, naming the JSON path in each error. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    InvalidInputException invalid(String path, String problem) {
      return new InvalidInputException(source, path, problem);
    }

    void onlyFields(JsonNode node, String path, String... known) {
      Set<String> allowed = new LinkedHashSet<>(Arrays.asList(known));
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw invalid(
              path + "." + name, "unknown field; known here: " + String.join(", ", allowed));
        }
      }
    }

    AlertRule rule(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        throw invalid(path, "must be an object with a \"type\"");
      }
      JsonNode typeNode = node.get("type");
      if (typeNode == null || !typeNode.isTextual()) {
        throw invalid(path + ".type", "missing; one of " + String.join(", ", TYPES));
      }
      String type = typeNode.asText();
      String id = node.has("id") ? text(node, path, "id") : type;
      try {
        switch (type) {
          case "grade-drop":
            onlyFields(node, path, "type", "id", "steps");
            return new AlertRule.GradeDrop(id, integer(node, path, "steps", 1));
          case "score-drop":
            onlyFields(node, path, "type", "id", "points");
            return new AlertRule.ScoreDrop(id, number(node, path, "points", null));
          case "reserves-down":
            onlyFields(node, path, "type", "id", "percent", "days");
            return new AlertRule.ReservesDown(
                id, number(node, path, "percent", null), integer(node, path, "days", null));
          case "net-outflow":
            onlyFields(node, path, "type", "id", "percent", "windowHours");
            return new AlertRule.NetOutflow(
                id,
                number(node, path, "percent", null),
                node.has("windowHours") ? integer(node, path, "windowHours", null) : null);
          case "licence-status-change":
            onlyFields(node, path, "type", "id");
            return new AlertRule.LicenceStatusChange(id);
          case "new-incident":
            onlyFields(node, path, "type", "id", "withinDays");
            return new AlertRule.NewIncident(id, integer(node, path, "withinDays", 30));
          case "stale-proof-of-reserves":
            onlyFields(node, path, "type", "id", "maxAgeDays");
            return new AlertRule.StaleProofOfReserves(
                id, node.has("maxAgeDays") ? integer(node, path, "maxAgeDays", null) : null);
          case "red-flag":
            onlyFields(node, path, "type", "id", "kinds");
            return new AlertRule.RedFlagRaised(id, kinds(node, path));
          default:
            throw invalid(
                path + ".type",
                "unknown alert type '" + type + "'; one of " + String.join(", ", TYPES));
        }
      } catch (IllegalArgumentException e) {
        // the record names the field first: "percent must be ...", "id must be ..."
        String message = e.getMessage();
        int space = message.indexOf(' ');
        String field = space > 0 ? message.substring(0, space) : "";
        return rethrow(
            node.has(field) ? path + "." + field : path,
            node.has(field) ? message.substring(space + 1) : message);
      }
    }

    private AlertRule rethrow(String path, String problem) {
      throw invalid(path, problem);
    }

    Webhook webhook(JsonNode node, String path) {
      if (!node.isObject()) {
        throw invalid(path, "must be an object with a \"url\"");
      }
      onlyFields(node, path, "url", "timeoutSeconds", "maxAttempts");
      if (!node.has("url")) {
        throw invalid(path + ".url", "missing");
      }
      URI url;
      try {
        url = new URI(text(node, path, "url"));
      } catch (java.net.URISyntaxException e) {
        throw invalid(path + ".url", "not a URL: " + e.getReason());
      }
      int timeoutSeconds = integer(node, path, "timeoutSeconds", 10);
      int maxAttempts = integer(node, path, "maxAttempts", 3);
      try {
        return new Webhook(url, Duration.ofSeconds(timeoutSeconds), maxAttempts);
      } catch (IllegalArgumentException e) {
        String message = e.getMessage();
        String field = message.substring(0, message.indexOf(' '));
        String at = field.equals("timeout") ? "timeoutSeconds" : field;
        throw invalid(path + "." + at, message.substring(message.indexOf(' ') + 1));
      }
    }

    private String text(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        throw invalid(path + "." + field, "must be a non-empty string");
      }
      return value.asText().trim();
    }

    private double number(JsonNode node, String path, String field, Double fallback) {
      JsonNode value = node.get(field);
      if (value == null && fallback != null) {
        return fallback;
      }
      if (value == null) {
        throw invalid(path + "." + field, "missing; a number is required");
      }
      if (!value.isNumber()) {
        throw invalid(path + "." + field, "must be a number, not " + value);
      }
      return value.asDouble();
    }

    private int integer(JsonNode node, String path, String field, Integer fallback) {
      JsonNode value = node.get(field);
      if (value == null && fallback != null) {
        return fallback;
      }
      if (value == null) {
        throw invalid(path + "." + field, "missing; a whole number is required");
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw invalid(path + "." + field, "must be a whole number, not " + value);
      }
      return value.asInt();
    }

    private Set<RedFlagKind> kinds(JsonNode node, String path) {
      JsonNode value = node.get("kinds");
      if (value == null) {
        return Set.of();
      }
      if (!value.isArray()) {
        throw invalid(path + ".kinds", "must be an array of red-flag kinds");
      }
      Set<RedFlagKind> kinds = EnumSet.noneOf(RedFlagKind.class);
      for (int i = 0; i < value.size(); i++) {
        JsonNode kind = value.get(i);
        try {
          if (!kind.isTextual()) {
            throw new IllegalArgumentException();
          }
          kinds.add(RedFlagKind.fromId(kind.asText()));
        } catch (IllegalArgumentException e) {
          throw invalid(
              path + ".kinds[" + i + "]",
              "unknown red-flag kind "
                  + kind
                  + "; one of "
                  + Arrays.stream(RedFlagKind.values())
                      .map(RedFlagKind::id)
                      .collect(Collectors.joining(", ")));
        }
      }
      return kinds;
    }
  }
}
