package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fact of a kind cexsafe's vocabulary does not have, brought by a plugin: a namespaced kind
 * ({@code acme.cold-wallet-audit}), the pillars it informs, a JSON object payload and a one-line
 * summary. It travels through evidence bundles and reports like any fact; no built-in rule reads
 * it, so a scorecard lists it as collected but not scored unless a methodology declares a rule for
 * its kind.
 *
 * @param kind namespaced kind: at least two dot-separated lower-case segments of letters, digits
 *     and hyphens, the first naming the plugin's owner ({@code cexsafe.} is reserved)
 * @param pillars the pillars the fact informs; empty for context only
 * @param payload the fact's data, a JSON object of at most {@link #MAX_PAYLOAD_CHARS} characters as
 *     compact JSON
 * @param summary one human-readable line
 */
@JsonTypeName("extension")
public record ExtensionFact(String kind, Set<Pillar> pillars, JsonNode payload, String summary)
    implements Fact {
  /** The largest payload, in characters of compact JSON. */
  public static final int MAX_PAYLOAD_CHARS = 16_384;

  /** The longest summary, in characters. */
  public static final int MAX_SUMMARY_CHARS = 300;

  private static final int MAX_KIND_CHARS = 100;
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final Pattern KIND =
      Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

  /**
   * Validates the components.
   *
   * @param kind namespaced kind: at least two dot-separated lower-case segments of letters, digits
   *     and hyphens, the first naming the plugin's owner ({@code cexsafe.} is reserved)
   * @param pillars the pillars the fact informs; empty for context only
   * @param payload the fact's data, a JSON object of at most {@link #MAX_PAYLOAD_CHARS} characters
   *     as compact JSON
   * @param summary one human-readable line
   */
  public ExtensionFact {
    kind = requireKind(kind);
    pillars = Checks.enums(pillars, Pillar.class);
    payload = requirePayload(kind, payload);
    summary = Checks.text(summary, "summary");
    if (summary.length() > MAX_SUMMARY_CHARS) {
      throw new IllegalArgumentException(
          kind + ": summary has " + summary.length() + " characters; at most " + MAX_SUMMARY_CHARS);
    }
    if (summary.indexOf('\n') >= 0 || summary.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(kind + ": summary must be one line");
    }
  }

  /**
   * A fact of {@code kind} informing {@code pillars}, with a payload built by the caller.
   *
   * @param kind the extension kind, as methodology files name it
   * @param pillars the pillars it informs; empty for context only
   * @param payload the fact's data, copied
   * @param summary a one-line summary for reports
   * @return the fact
   * @throws IllegalArgumentException when the kind breaks its naming rule or the summary is blank
   */
  public static ExtensionFact of(
      String kind, Collection<Pillar> pillars, ObjectNode payload, String summary) {
    return new ExtensionFact(kind, pillars == null ? null : Set.copyOf(pillars), payload, summary);
  }

  /** {@return an empty payload to fill in, for {@link #of}} */
  public static ObjectNode newPayload() {
    return Json.mapper().createObjectNode();
  }

  /** {@return A copy of the payload: the fact stays immutable whatever the caller does with it} */
  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  /**
   * Reads a payload value.
   *
   * @param jsonPointer a JSON Pointer, e.g. {@code /coverage/share}
   * @return the value there, or a missing node when absent
   */
  public JsonNode at(String jsonPointer) {
    return payload.at(jsonPointer);
  }

  /**
   * Checks an extension kind as facts and methodology files use it.
   *
   * @param kind the kind to check
   * @return the kind, trimmed
   * @throws IllegalArgumentException naming the rule the kind breaks
   */
  public static String requireKind(String kind) {
    String text = Checks.text(kind, "kind");
    if (text.length() > MAX_KIND_CHARS || !KIND.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "extension kind '"
              + abbreviate(text)
              + "' must be namespaced like 'acme.cold-wallet-audit': lower-case letters, digits"
              + " and hyphens in at least two dot-separated parts, at most "
              + MAX_KIND_CHARS
              + " characters");
    }
    if (text.startsWith("cexsafe.")) {
      throw new IllegalArgumentException(
          "extension kind '" + text + "': the namespace 'cexsafe' is reserved");
    }
    return text;
  }

  private static JsonNode requirePayload(String kind, JsonNode payload) {
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException(kind + ": payload must be a JSON object");
    }
    String json = Json.write(payload);
    if (json.length() > MAX_PAYLOAD_CHARS) {
      throw new IllegalArgumentException(
          kind
              + ": payload has "
              + json.length()
              + " characters as JSON; at most "
              + MAX_PAYLOAD_CHARS);
    }
    // the payload as it reads back from JSON (a double becomes the exact decimal it prints as), so
    // a fact equals its own round trip through an evidence file
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(kind + ": payload is not valid JSON", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
