package io.cexsafe.collectors.reviews.internal;

import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.ReviewQuote;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.ThemeShare;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a sample of reviews into a {@link ReviewThemes} fact: multi-label theme shares among all
 * and among negative (1–2 star) reviews, a few example quotes per theme, and the mean stars of the
 * last 90 days against the older reviews.
 *
 * <p>Reviews the English lexicon cannot read (a language tag other than English, or mostly
 * non-Latin letters) are left out of the shares and counted separately: they are "not analysed",
 * never "no issues".
 */
public final class ReviewAnalysis {
  /** Window of the "recent" rating. */
  public static final Duration RECENT_WINDOW = Duration.ofDays(90);

  private static final int QUOTE_LENGTH = 280;

  private final ThemeMatcher matcher;
  private final int quotesPerTheme;

  public ReviewAnalysis(ThemeMatcher matcher, int quotesPerTheme) {
    this.matcher = matcher;
    this.quotesPerTheme = quotesPerTheme;
  }

  /**
   * The outcome for one sample.
   *
   * @param themes the fact, or null when no review could be analysed
   * @param reviewsRead distinct reviews in the sample
   * @param notAnalysed reviews left out because the lexicon cannot read their language
   * @param newest date of the newest review, or null
   */
  public record Result(ReviewThemes themes, int reviewsRead, int notAnalysed, Instant newest) {}

  public Result analyse(AppStore store, String storefront, List<Review> sample, Instant asOf) {
    Map<String, Review> distinct = new LinkedHashMap<>();
    for (Review review : sample) {
      distinct.putIfAbsent(review.key(), review);
    }
    ReviewTheme[] themes = ReviewTheme.values();
    int[] all = new int[themes.length];
    int[] negative = new int[themes.length];
    List<List<Review>> examples = new ArrayList<>();
    for (int i = 0; i < themes.length; i++) {
      examples.add(new ArrayList<>());
    }
    int analysed = 0;
    int negatives = 0;
    int notAnalysed = 0;
    Instant newest = null;
    Instant recentFrom = asOf.minus(RECENT_WINDOW);
    long recentSum = 0;
    int recentCount = 0;
    long olderSum = 0;
    int olderCount = 0;
    for (Review review : distinct.values()) {
      if (review.date() != null) {
        newest = newest == null || review.date().isAfter(newest) ? review.date() : newest;
        if (!review.date().isBefore(recentFrom)) {
          recentSum += review.rating();
          recentCount++;
        } else {
          olderSum += review.rating();
          olderCount++;
        }
      }
      String text = review.fullText();
      if (!readable(review.language(), text)) {
        notAnalysed++;
        continue;
      }
      analysed++;
      boolean isNegative = review.rating() <= 2;
      if (isNegative) {
        negatives++;
      }
      int bits = matcher.matchBits(text);
      for (int i = 0; i < themes.length; i++) {
        if ((bits & (1 << i)) != 0) {
          all[i]++;
          if (isNegative) {
            negative[i]++;
          }
          examples.get(i).add(review);
        }
      }
    }
    if (analysed == 0) {
      return new Result(null, distinct.size(), notAnalysed, newest);
    }
    List<ThemeShare> shares = new ArrayList<>();
    for (int i = 0; i < themes.length; i++) {
      shares.add(
          new ThemeShare(
              themes[i],
              all[i],
              all[i] / (double) analysed,
              negatives == 0 ? 0.0 : negative[i] / (double) negatives,
              quotes(themes[i], examples.get(i))));
    }
    ReviewThemes fact =
        new ReviewThemes(
            store,
            storefront,
            analysed,
            negatives,
            shares,
            recentCount == 0 ? null : round(recentSum / (double) recentCount),
            olderCount == 0 ? null : round(olderSum / (double) olderCount));
    return new Result(fact, distinct.size(), notAnalysed, newest);
  }

  private List<ReviewQuote> quotes(ReviewTheme theme, List<Review> candidates) {
    boolean praise = theme == ReviewTheme.EASE_OF_USE;
    Comparator<Review> order =
        Comparator.comparingInt((Review r) -> praise ? -r.rating() : r.rating())
            .thenComparing(
                Review::date, Comparator.nullsLast(Comparator.<Instant>naturalOrder().reversed()))
            .thenComparing(Review::key);
    return candidates.stream()
        .sorted(order)
        .limit(quotesPerTheme)
        .map(
            r ->
                new ReviewQuote(
                    excerpt(r.fullText()),
                    r.rating(),
                    r.date() == null ? null : LocalDate.ofInstant(r.date(), ZoneOffset.UTC),
                    r.url()))
        .toList();
  }

  static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    if (flat.length() <= QUOTE_LENGTH) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', QUOTE_LENGTH - 1);
    return flat.substring(0, cut > QUOTE_LENGTH / 2 ? cut : QUOTE_LENGTH - 1) + "…";
  }

  /**
   * True when the English lexicon can read the review: no non-English language tag, and at least
   * half of its letters in the Latin script.
   */
  static boolean readable(String language, String text) {
    if (language != null && !language.isBlank()) {
      String tag = language.toLowerCase(Locale.ROOT);
      if (!tag.equals("en") && !tag.startsWith("en-") && !tag.startsWith("en_")) {
        return false;
      }
    }
    int letters = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (Character.isLetter(codePoint)) {
        letters++;
        if (codePoint < 128
            || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN) {
          latin++;
        }
      }
    }
    return letters > 0 && latin * 2 >= letters;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
