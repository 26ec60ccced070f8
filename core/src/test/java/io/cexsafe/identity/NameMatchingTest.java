package io.cexsafe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.identity.internal.NameForms;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatchingTest {
  @ParameterizedTest(name = "''{1}'' for ''{0}'' is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Kraken|Kraken|IDENTICAL",
        "Crypto.com|crypto-com|SAME_IGNORING_PUNCTUATION",
        "Crypto.com|CRYPTO COM|SAME_IGNORING_PUNCTUATION",
        "Bitstamp|Bitstamp Ltd|SAME_WITHOUT_LEGAL_FORM",
        "Bitpanda|Bitpanda GmbH|SAME_WITHOUT_LEGAL_FORM",
        "Bit2Me|Bit2Me S.A.|SAME_WITHOUT_LEGAL_FORM",
        "Coinhako|Coinhako Pte. Ltd.|SAME_WITHOUT_LEGAL_FORM",
        "Gemini Trust Company LLC|Gemini Trust Company, LLC|SAME_IGNORING_PUNCTUATION",
        "Gate|Gate.io|SAME_BRAND_WITH_DOMAIN",
        "Gate.io|Gate|SAME_BRAND_WITH_DOMAIN",
        "Binance|Binance.US|REGIONAL_ARM",
        "Binance.US|Binance|REGIONAL_ARM",
        "Binance|Binance US|REGIONAL_ARM",
        "Bybit|Bybit EU GmbH|REGIONAL_ARM",
        "OKX|OKX Europe Limited|REGIONAL_ARM",
        "Payward|Payward Europe Solutions Limited|PARTIAL",
        "Binance|Binance: Buy Bitcoin & Crypto|PARTIAL",
        "Bitvavo|Bitvavo B.V.|SAME_WITHOUT_LEGAL_FORM",
        "Bitpanda|BITPANDA|SAME_IGNORING_PUNCTUATION",
        "Zonda|Zondacrypto|NONE",
        "OKX|OKCoin|NONE",
        "Coinbase|Coin|NONE",
      })
  void namesRelateAsAPersonWouldJudge(String asked, String listed, String expected) {
    Optional<MatchKind> kind = NameForms.compare(asked, listed);
    if (expected.equals("NONE")) {
      assertThat(kind).isEmpty();
    } else {
      assertThat(kind).contains(MatchKind.valueOf(expected));
    }
  }

  @Test
  void accentsAndLigaturesFold() {
    assertThat(NameForms.words("Börse Stuttgart Digital GmbH"))
        .containsExactly("borse", "stuttgart", "digital", "gmbh");
    assertThat(NameForms.compare("Borse Stuttgart Digital", "Börse Stuttgart Digital GmbH"))
        .contains(MatchKind.SAME_WITHOUT_LEGAL_FORM);
  }

  @Test
  void aRegionalArmIsNeverTheSameEntity() {
    for (MatchKind kind : MatchKind.values()) {
      assertThat(kind.sameEntity())
          .as(kind.name())
          .isEqualTo(kind != MatchKind.REGIONAL_ARM && kind != MatchKind.PARTIAL);
    }
    assertThat(MatchKind.REGIONAL_ARM.confidence()).isLessThan(Resolution.ACCEPT_AT);
  }

  @Test
  void slugsAreKebabCase() {
    assertThat(NameForms.slug("Gate.io")).isEqualTo("gate-io");
    assertThat(NameForms.slug("Crypto.com")).isEqualTo("crypto-com");
    assertThat(NameForms.slug("Bit2Me S.A.")).isEqualTo("bit2me-sa");
    assertThat(NameForms.slug("Börse")).isEqualTo("borse");
    assertThat(NameForms.slug("!!!")).isEqualTo("exchange");
  }

  @Test
  void titlesStopAtAColonDashOrBracket() {
    assertThat(NameForms.title("Binance: Buy Bitcoin & Crypto")).isEqualTo("Binance");
    assertThat(NameForms.title("Kraken - Buy Crypto")).isEqualTo("Kraken");
    assertThat(NameForms.title("Foo (Postcode: X)")).isEqualTo("Foo");
    assertThat(NameForms.title("Gate.io")).isEqualTo("Gate.io");
    assertThat(NameForms.title("Bit-Exchange")).isEqualTo("Bit-Exchange");
  }

  @Test
  void blankOrOddNamesAreRefusedWithAReason() {
    assertThat(NameForms.compare("", "Kraken")).isEmpty();
    assertThat(NameForms.compare("Kraken", null)).isEmpty();
    assertThatThrownBy(() -> IdentityMatcher.checkName("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the exchange name is empty");
    assertThatThrownBy(() -> IdentityMatcher.checkName("a\nb"))
        .hasMessage("the exchange name must be one line of text");
    assertThatThrownBy(() -> IdentityMatcher.checkName("x".repeat(121)))
        .hasMessageContaining("at most 120");
    assertThatThrownBy(() -> IdentityMatcher.checkName("..."))
        .hasMessage("the exchange name '...' has no letters or digits");
    assertThat(IdentityMatcher.checkName("  Gate ")).isEqualTo("Gate");
  }

  @Test
  void anAppTitleMatchesByItsLeadingPartAndSaysSo() {
    IdentityCandidate app =
        new IdentityCandidate(
            "apple",
            "https://apps.example/id1",
            List.of(
                new NameField("trackName", "Kraken - Buy Bitcoin & Crypto"),
                new NameField("sellerName", "Payward, Inc.")),
            List.of(),
            null,
            null);
    IdentityMatch match = IdentityMatcher.match("Kraken", app).orElseThrow();
    assertThat(match.kind()).isEqualTo(MatchKind.IDENTICAL);
    assertThat(match.field()).isEqualTo(new NameField("trackName (title)", "Kraken"));
    assertThat(IdentityMatcher.match("Payward", app).orElseThrow().kind())
        .isEqualTo(MatchKind.SAME_WITHOUT_LEGAL_FORM);
  }

  @Test
  void theEvidenceNamesSourceFieldValueAndConfidence() {
    IdentityCandidate candidate =
        new IdentityCandidate(
            "esma",
            "https://esma.example/CASPS.csv",
            List.of(
                new NameField("ae_commercial_name", "Bybit"),
                new NameField("ae_lei_name", "Bybit EU GmbH")),
            List.of(),
            null,
            null);
    IdentityMatch match = IdentityMatcher.match("bybit", candidate).orElseThrow();
    assertThat(match.kind()).isEqualTo(MatchKind.SAME_IGNORING_PUNCTUATION);
    assertThat(match.evidence())
        .isEqualTo(
            "esma ae_commercial_name 'Bybit' equals, ignoring case and punctuation, 'bybit'"
                + " (confidence 0.95)");
  }
}
