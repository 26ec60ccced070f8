package io.cexsafe.collectors.reviews.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.ConfigurationException;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.internal.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The versioned word lists behind theme classification. A term is one or more lower-case ASCII
 * words separated by single spaces; a trailing {@code *} makes its last word a prefix. Terms match
 * whole words of text lower-cased with {@link java.util.Locale#ROOT}, where any run of characters
 * that are neither letters nor digits separates words.
 */
public final class ThemeLexicon {
  private static final Pattern TERM = Pattern.compile("[a-z0-9]+( [a-z0-9]+)*\\*?");
  private static final String BUNDLED = "/io/cexsafe/collectors/reviews/theme-lexicon.json";

  private final String version;
  private final Map<ReviewTheme, List<String>> terms;

  private ThemeLexicon(String version, Map<ReviewTheme, List<String>> terms) {
    this.version = version;
    this.terms = Collections.unmodifiableMap(new EnumMap<>(terms));
  }

  /** The lexicon shipped with the module. */
  public static ThemeLexicon bundled() {
    try (InputStream in = ThemeLexicon.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED);
      }
      // the streaming parser alone: no ObjectMapper at start-up for a file the build ships
      return parse(JsonTrees.read(in), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A lexicon from explicit term lists. */
  public static ThemeLexicon of(String version, Map<ReviewTheme, List<String>> terms) {
    Map<ReviewTheme, List<String>> checked = new EnumMap<>(ReviewTheme.class);
    terms.forEach(
        (theme, list) -> {
          for (String term : list) {
            if (term == null || !TERM.matcher(term).matches()) {
              throw new ConfigurationException(
                  "theme lexicon term '"
                      + term
                      + "' of "
                      + theme
                      + " is not lower-case ASCII words separated by single spaces");
            }
          }
          checked.put(theme, List.copyOf(list));
        });
    return new ThemeLexicon(version, checked);
  }

  static ThemeLexicon parse(JsonNode root, String source) {
    if (root == null || !root.path("version").isTextual() || !root.path("themes").isObject()) {
      throw new ConfigurationException(source + ": a lexicon needs a version and themes");
    }
    Map<ReviewTheme, List<String>> terms = new EnumMap<>(ReviewTheme.class);
    Iterator<Map.Entry<String, JsonNode>> fields = root.get("themes").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      ReviewTheme theme;
      try {
        theme = ReviewTheme.valueOf(field.getKey());
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(source + ": unknown theme '" + field.getKey() + "'");
      }
      List<String> list = new ArrayList<>();
      for (JsonNode term : field.getValue()) {
        list.add(term.asText());
      }
      terms.put(theme, list);
    }
    return of(root.get("version").asText(), terms);
  }

  public String version() {
    return version;
  }

  /** The terms per theme, in lexicon order. */
  public Map<ReviewTheme, List<String>> terms() {
    return terms;
  }
}
