package io.cexsafe.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.ConfigurationException;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Json;
import io.cexsafe.scoring.internal.MethodologyReader;
import io.cexsafe.scoring.internal.RuleBook;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The five bundled personas, read from embedded JSON resources. */
public final class Personas {
  private static final List<String> IDS =
      List.of("long-term-holder", "active-trader", "card-first", "web3-nft", "institution");

  private static final List<Persona> ALL = load();

  private Personas() {}

  /** {@return every persona, in a fixed order} */
  public static List<Persona> all() {
    return ALL;
  }

  /**
   * Finds a persona by id or display name, ignoring case, spaces and punctuation.
   *
   * @param name the id or name
   * @return the persona
   * @throws IllegalArgumentException when none matches, listing the personas
   */
  public static Persona find(String name) {
    String wanted = normalise(name);
    return ALL.stream()
        .filter(p -> normalise(p.id()).equals(wanted) || normalise(p.name()).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "unknown persona '" + name + "'; known: " + String.join(", ", IDS)));
  }

  private static String normalise(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static List<Persona> load() {
    Set<String> ruleIds =
        RuleBook.all().stream().map(r -> r.id()).collect(Collectors.toUnmodifiableSet());
    List<Persona> personas = new ArrayList<>();
    for (String id : IDS) {
      String resource = "personas/" + id + ".json";
      try (InputStream in = Personas.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("embedded persona " + resource + " is missing");
        }
        personas.add(parse(Json.mapper().readTree(in), resource, ruleIds));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read embedded persona " + resource, e);
      }
    }
    return List.copyOf(personas);
  }

  static Persona parse(JsonNode node, String source, Set<String> ruleIds) {
    String id = node.path("id").asText();
    String name = node.path("name").asText();
    String rationale = node.path("rationale").asText();
    ObjectNode methodology = Json.mapper().createObjectNode();
    methodology.put("id", "persona-" + id);
    methodology.put("version", Methodology.defaultMethodology().version());
    methodology.put("title", name);
    methodology.set("weights", node.get("weights"));
    Methodology weights = MethodologyReader.read(methodology.toString(), source);
    List<String> highlights = new ArrayList<>();
    node.path("highlights").forEach(h -> highlights.add(h.asText()));
    for (String highlight : highlights) {
      if (!ruleIds.contains(highlight)) {
        throw new InvalidInputException(source, "$.highlights", "unknown rule '" + highlight + "'");
      }
    }
    return new Persona(id, name, rationale, weights, highlights);
  }
}
