package io.cexsafe.collectors.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ConfigurationException;
import io.cexsafe.collectors.reviews.internal.ThemeLexicon;
import io.cexsafe.collectors.reviews.internal.ThemeMatcher;
import io.cexsafe.facts.ReviewTheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeMatcherTest {
  private static final ThemeLexicon LEXICON = ThemeLexicon.bundled();
  private static final ThemeMatcher MATCHER = ThemeMatcher.compile(LEXICON);

  @Test
  void findsEveryThemeOfAReview() {
    assertThat(
            MATCHER.match("Withdrawal stuck for 5 days, support never responds. KYC took weeks!"))
        .containsExactlyInAnyOrder(
            ReviewTheme.WITHDRAWAL_FAILURES,
            ReviewTheme.SUPPORT_NO_RESPONSE,
            ReviewTheme.KYC_DELAYS);
    assertThat(MATCHER.match("Easy to use, and the Visa card cashback is great"))
        .containsExactlyInAnyOrder(ReviewTheme.EASE_OF_USE, ReviewTheme.CARD);
    assertThat(MATCHER.match("It's a SCAM. My account got hacked."))
        .contains(ReviewTheme.SCAMS_PHISHING);
    assertThat(MATCHER.match("App keeps crashing after the update"))
        .containsExactly(ReviewTheme.CRASHES_BUGS);
    assertThat(MATCHER.match("Balance not updating, portfolio wrong"))
        .contains(ReviewTheme.STALE_BALANCES);
    assertThat(MATCHER.match("Locked out after 2FA reset")).contains(ReviewTheme.LOGIN_LOCKS);
    assertThat(MATCHER.match("Fees are too high")).containsExactly(ReviewTheme.FEES_LIMITS);
  }

  @Test
  void matchesWholeWordsAcrossPunctuationAndLineBreaks() {
    assertThat(MATCHER.match("customer\n\n  service")).contains(ReviewTheme.SUPPORT_NO_RESPONSE);
    assertThat(MATCHER.match("customer-service")).contains(ReviewTheme.SUPPORT_NO_RESPONSE);
    assertThat(MATCHER.match("won't open")).contains(ReviewTheme.CRASHES_BUGS);
    // no whole word: "coffee" contains "fee", "bugsy" is not "bugs", "cardinal" is not "card"
    assertThat(MATCHER.match("coffee bugsy cardinal")).isEmpty();
    // prefix terms: withdraw* matches withdrawals, but not inside a word
    assertThat(MATCHER.match("withdrawals")).containsExactly(ReviewTheme.WITHDRAWAL_FAILURES);
    assertThat(MATCHER.match("nowithdraw")).isEmpty();
    assertThat(MATCHER.match("")).isEmpty();
    assertThat(MATCHER.match("fee")).containsExactly(ReviewTheme.FEES_LIMITS);
  }

  @Test
  void foldsCaseWithRootRulesEvenInATurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      // Turkish default lower-casing would turn I into dotless ı and miss these.
      assertThat(MATCHER.match("IDENTITY VERIFICATION PENDING")).contains(ReviewTheme.KYC_DELAYS);
      assertThat(MATCHER.match("LOGIN FAILS")).contains(ReviewTheme.LOGIN_LOCKS);
      // İ lower-cases to i plus a combining dot under ROOT rules, which breaks the word
      assertThat(MATCHER.match("LOGİN")).isEmpty();
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void nonEnglishTextDoesNotCrashAndSimplyDoesNotMatch() {
    assertThat(MATCHER.match("出金できません。サポートが返事をくれない")).isEmpty();
    assertThat(MATCHER.match("Приложение вылетает 😡")).isEmpty();
    assertThat(MATCHER.match("\uD83D\uDE00 crash \uD835\uDC00"))
        .containsExactly(ReviewTheme.CRASHES_BUGS);
    assertThat(MATCHER.match("\uD800 lone surrogate fee")).containsExactly(ReviewTheme.FEES_LIMITS);
  }

  @Test
  void givesTheSameLabelsAsOneRegexPerThemeOnAGeneratedCorpus() {
    RegexThemeClassifier baseline = new RegexThemeClassifier(LEXICON);
    ReviewCorpus corpus = new ReviewCorpus(LEXICON, 20261121L);
    int labelled = 0;
    for (String text : corpus.take(6_000)) {
      int expected = baseline.matchBits(text);
      assertThat(MATCHER.matchBits(text)).as("labels of %s", text).isEqualTo(expected);
      if (expected != 0) {
        labelled++;
      }
    }
    assertThat(labelled).as("the corpus exercises the lexicon").isGreaterThan(4_000);
  }

  @Test
  void theBundledLexiconIsVersionedAndCoversEveryTheme() {
    assertThat(LEXICON.version()).isNotBlank();
    assertThat(LEXICON.terms().keySet()).containsExactlyInAnyOrder(ReviewTheme.values());
    assertThat(MATCHER.lexiconVersion()).isEqualTo(LEXICON.version());
  }

  @Test
  void rejectsTermsTheMatcherCannotHonour() {
    assertThatThrownBy(() -> ThemeLexicon.of("x", Map.of(ReviewTheme.CARD, List.of("Card"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'Card'");
    assertThatThrownBy(() -> ThemeLexicon.of("x", Map.of(ReviewTheme.CARD, List.of("can't"))))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> ThemeLexicon.of("x", Map.of(ReviewTheme.CARD, List.of("a  b"))))
        .isInstanceOf(ConfigurationException.class);
  }
}
