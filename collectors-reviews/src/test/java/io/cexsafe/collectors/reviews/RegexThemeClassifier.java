package io.cexsafe.collectors.reviews;

import io.cexsafe.collectors.reviews.internal.ThemeLexicon;
import io.cexsafe.facts.ReviewTheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The naive baseline: the text lower-cased with {@link Locale#ROOT}, then one word-bounded regular
 * expression per theme (an alternation of its terms). The same semantics as the automaton, written
 * the obvious way; used to check the automaton's labels and as the benchmark's yardstick.
 */
final class RegexThemeClassifier {
  private static final String WORD = "[\\p{L}\\p{Nd}]";
  private static final String GAP = "[^\\p{L}\\p{Nd}]+";

  private final Pattern[] patterns = new Pattern[ReviewTheme.values().length];

  RegexThemeClassifier(ThemeLexicon lexicon) {
    for (Map.Entry<ReviewTheme, List<String>> entry : lexicon.terms().entrySet()) {
      List<String> alternatives = new ArrayList<>();
      for (String term : entry.getValue()) {
        boolean prefix = term.endsWith("*");
        String words = prefix ? term.substring(0, term.length() - 1) : term;
        StringBuilder regex = new StringBuilder();
        for (String word : words.split(" ")) {
          if (regex.length() > 0) {
            regex.append(GAP);
          }
          regex.append(Pattern.quote(word));
        }
        if (!prefix) {
          regex.append("(?!").append(WORD).append(")");
        }
        alternatives.add(regex.toString());
      }
      patterns[entry.getKey().ordinal()] =
          Pattern.compile("(?<!" + WORD + ")(?:" + String.join("|", alternatives) + ")");
    }
  }

  int matchBits(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int bits = 0;
    for (int i = 0; i < patterns.length; i++) {
      if (patterns[i] != null && patterns[i].matcher(lower).find()) {
        bits |= 1 << i;
      }
    }
    return bits;
  }
}
