package io.cexsafe.collectors.reviews;

import io.cexsafe.collectors.reviews.internal.ThemeLexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generated review texts: filler sentences mixed with lexicon terms in varied case and punctuation,
 * near misses (terms glued to other words), and some non-English and tricky Unicode text.
 * Deterministic for a seed.
 */
final class ReviewCorpus {
  private static final String[] FILLER = {
    "the",
    "app",
    "i",
    "have",
    "been",
    "using",
    "this",
    "for",
    "months",
    "and",
    "it",
    "is",
    "really",
    "my",
    "account",
    "when",
    "tried",
    "to",
    "buy",
    "bitcoin",
    "yesterday",
    "but",
    "then",
    "again",
    "they",
    "said",
    "would",
    "be",
    "fixed",
    "soon",
    "great",
    "terrible",
    "experience",
    "overall",
    "exchange",
    "price",
    "coins",
    "wallet",
    "money",
    "week",
    "days",
    "update",
    "phone",
    "screen",
    "still",
    "not",
    "never",
    "can't",
    "won't",
    "why",
    "please",
    "thanks",
    "team",
    "crypto"
  };
  private static final String[] PUNCTUATION = {
    " ", " ", " ", ", ", ". ", "! ", " - ", "\n", "... ", " (", ") ", "’", "'"
  };
  private static final String[] FOREIGN = {
    "アプリが使いやすいです",
    "Приложение постоянно зависает",
    "Muy buena aplicación, fácil de usar",
    "Die App stürzt ständig ab",
    "İYİ UYGULAMA İÇİN TEŞEKKÜRLER",
    "Para çekme işlemi günlerdir bekliyor",
    "Ελάχιστα ΣΦΑΛΜΑΤΑ",
    "καλή εφαρμογή",
    "😡😡 scam!!",
    "Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ",
    "straße ﬁne ﬂow",
    "KELVIN \u212A yc",
    "e\u0301asy to use",
    "\uD835\uDC00pp crash"
  };

  private final List<String> terms = new ArrayList<>();
  private final SplittableRandom random;

  ReviewCorpus(ThemeLexicon lexicon, long seed) {
    lexicon.terms().values().forEach(list -> list.forEach(t -> terms.add(t.replace("*", ""))));
    this.random = new SplittableRandom(seed);
  }

  String next() {
    int words = 8 + random.nextInt(70);
    StringBuilder text = new StringBuilder(words * 7);
    for (int i = 0; i < words; i++) {
      int roll = random.nextInt(100);
      String word;
      if (roll < 6) {
        word = variant(terms.get(random.nextInt(terms.size())));
      } else if (roll < 7) {
        word = FOREIGN[random.nextInt(FOREIGN.length)];
      } else if (roll < 8) {
        // near misses: a term glued to a word or with a suffix
        word = terms.get(random.nextInt(terms.size())) + FILLER[random.nextInt(FILLER.length)];
      } else {
        word = FILLER[random.nextInt(FILLER.length)];
      }
      text.append(word).append(PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
    }
    return text.toString();
  }

  private String variant(String term) {
    String[] words = term.split(" ");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        out.append(random.nextInt(4) == 0 ? " - " : random.nextInt(5) == 0 ? "'" : " ");
      }
      out.append(words[i]);
    }
    String text = out.toString();
    return switch (random.nextInt(6)) {
      case 0 -> text.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(text.charAt(0)) + text.substring(1);
      case 2 -> text.replace('i', 'İ');
      case 3 -> text + "s";
      default -> text;
    };
  }

  List<String> take(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }
}
