package io.cexsafe.collectors.reviews.internal;

import io.cexsafe.facts.ReviewTheme;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Finds every theme of a {@link ThemeLexicon} in a text in one pass: an Aho–Corasick automaton,
 * compiled to a dense transition table, over a stream of symbols that folds case ({@link
 * java.util.Locale#ROOT} rules) and collapses every run of non-word characters into one separator.
 * Each term is compiled to a keyword framed by separators ({@code " fee "}, or {@code " withdraw"}
 * for the prefix term {@code withdraw*}), so whole-word matching needs no look-around. The result
 * is identical to running one word-bounded regular expression per theme over {@code
 * text.toLowerCase(Locale.ROOT)}, which a test asserts on a generated corpus.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThemeMatcher {
  private static final int SEPARATOR = 0;
  private static final int OTHER_WORD = 37;
  private static final int SYMBOLS = 38;
  private static final int HAS_OUTPUT = 0x80000000;
  private static final int ROW = 0x7fffffff;
  private static final byte[] ASCII = new byte[128];
  private static final ReviewTheme[] THEMES = ReviewTheme.values();

  static {
    for (int c = 0; c < 128; c++) {
      if (c >= 'a' && c <= 'z') {
        ASCII[c] = (byte) (1 + c - 'a');
      } else if (c >= 'A' && c <= 'Z') {
        ASCII[c] = (byte) (1 + c - 'A');
      } else if (c >= '0' && c <= '9') {
        ASCII[c] = (byte) (27 + c - '0');
      } else {
        ASCII[c] = SEPARATOR;
      }
    }
  }

  private final int[] next;
  private final int[] output;
  private final int start;
  private final String lexiconVersion;

  private ThemeMatcher(int[] next, int[] output, String lexiconVersion) {
    this.next = next;
    this.output = output;
    this.lexiconVersion = lexiconVersion;
    this.start = next[SEPARATOR] & ROW;
  }

  /** Compiles the automaton for a lexicon. */
  public static ThemeMatcher compile(ThemeLexicon lexicon) {
    List<int[]> gotos = new ArrayList<>();
    List<Integer> outputs = new ArrayList<>();
    gotos.add(newRow());
    outputs.add(0);
    for (Map.Entry<ReviewTheme, List<String>> entry : lexicon.terms().entrySet()) {
      int bit = 1 << entry.getKey().ordinal();
      for (String term : entry.getValue()) {
        boolean prefix = term.endsWith("*");
        String keyword = " " + (prefix ? term.substring(0, term.length() - 1) : term + " ");
        int state = 0;
        for (int i = 0; i < keyword.length(); i++) {
          int symbol = ASCII[keyword.charAt(i)];
          int target = gotos.get(state)[symbol];
          if (target < 0) {
            target = gotos.size();
            gotos.add(newRow());
            outputs.add(0);
            gotos.get(state)[symbol] = target;
          }
          state = target;
        }
        outputs.set(state, outputs.get(state) | bit);
      }
    }
    int states = gotos.size();
    int[] next = new int[states * SYMBOLS];
    int[] output = new int[states];
    int[] fail = new int[states];
    for (int s = 0; s < states; s++) {
      output[s] = outputs.get(s);
    }
    // Breadth-first: fill missing transitions through failure links, giving a complete DFA.
    Queue<Integer> queue = new ArrayDeque<>();
    for (int symbol = 0; symbol < SYMBOLS; symbol++) {
      int target = gotos.get(0)[symbol];
      if (target < 0) {
        next[symbol] = 0;
      } else {
        next[symbol] = target;
        fail[target] = 0;
        queue.add(target);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.remove();
      output[state] |= output[fail[state]];
      for (int symbol = 0; symbol < SYMBOLS; symbol++) {
        int target = gotos.get(state)[symbol];
        if (target < 0) {
          next[state * SYMBOLS + symbol] = next[fail[state] * SYMBOLS + symbol];
        } else {
          next[state * SYMBOLS + symbol] = target;
          fail[target] = next[fail[state] * SYMBOLS + symbol];
          queue.add(target);
        }
      }
    }
    // Every state entered by a separator loops on further separators: a run of non-word
    // characters counts as one, so the scan needs no "previous was a separator" branch.
    boolean[] enteredBySeparator = new boolean[states];
    for (int s = 0; s < states; s++) {
      enteredBySeparator[next[s * SYMBOLS + SEPARATOR]] = true;
    }
    for (int s = 0; s < states; s++) {
      if (enteredBySeparator[s]) {
        next[s * SYMBOLS + SEPARATOR] = s;
      }
    }
    // Entries hold the target's row offset, with the sign bit set when the target has output.
    int[] table = new int[states * SYMBOLS];
    for (int i = 0; i < table.length; i++) {
      int target = next[i];
      table[i] = target * SYMBOLS | (output[target] != 0 ? HAS_OUTPUT : 0);
    }
    return new ThemeMatcher(table, output, lexicon.version());
  }

  private static int[] newRow() {
    int[] row = new int[SYMBOLS];
    Arrays.fill(row, -1);
    return row;
  }

  public String lexiconVersion() {
    return lexiconVersion;
  }

  /** The themes found in {@code text}, as a bit set over {@link ReviewTheme#ordinal()}. */
  public int matchBits(String text) {
    int[] next = this.next;
    int state = start; // after a virtual separator before the first character
    int found = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      int symbol;
      if (c < 128) {
        symbol = ASCII[c];
      } else {
        int codePoint = c;
        if (Character.isHighSurrogate(c) && i + 1 < length) {
          char low = text.charAt(i + 1);
          if (Character.isLowSurrogate(low)) {
            codePoint = Character.toCodePoint(c, low);
            i++;
          }
        }
        if (codePoint == '\u0130') {
          // String.toLowerCase(Locale.ROOT) turns it into 'i' plus a combining dot (a non-word
          // character), not into a plain 'i'.
          int entry = next[state + ASCII['i']];
          if (entry < 0) {
            found |= output[(entry & ROW) / SYMBOLS];
          }
          state = entry & ROW;
          symbol = SEPARATOR;
        } else {
          symbol = nonAsciiSymbol(codePoint);
        }
      }
      int entry = next[state + symbol];
      if (entry < 0) {
        found |= output[(entry & ROW) / SYMBOLS];
        entry &= ROW;
      }
      state = entry;
    }
    int entry = next[state + SEPARATOR]; // a virtual separator after the last character
    if (entry < 0) {
      found |= output[(entry & ROW) / SYMBOLS];
    }
    return found;
  }

  /** The themes found in {@code text}. */
  public Set<ReviewTheme> match(String text) {
    return themes(matchBits(text));
  }

  /** Converts a bit set from {@link #matchBits} to themes. */
  public static Set<ReviewTheme> themes(int bits) {
    EnumSet<ReviewTheme> themes = EnumSet.noneOf(ReviewTheme.class);
    for (ReviewTheme theme : THEMES) {
      if ((bits & (1 << theme.ordinal())) != 0) {
        themes.add(theme);
      }
    }
    return themes;
  }

  private static int nonAsciiSymbol(int codePoint) {
    int lower = Character.toLowerCase(codePoint);
    if (lower < 128) {
      return ASCII[lower]; // e.g. KELVIN SIGN lower-cases to 'k'
    }
    return Character.isLetter(lower) || Character.isDigit(lower) ? OTHER_WORD : SEPARATOR;
  }
}
