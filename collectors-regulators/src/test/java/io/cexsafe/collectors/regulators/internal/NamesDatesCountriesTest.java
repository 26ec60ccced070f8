package io.cexsafe.collectors.regulators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NamesDatesCountriesTest {
  @Test
  void namesMatchAcrossSpellingsButNotAcrossFirms() {
    assertThat(Names.sameEntity("FORIS DAX UK LIMITED", "Foris DAX UK Ltd.")).isTrue();
    assertThat(
            Names.sameEntity("Foris DAX Middle East FZE (Crypto.com)", "Foris DAX Middle East FZE"))
        .isTrue();
    assertThat(Names.sameEntity("Coinbase Luxembourg S.A.", "COINBASE LUXEMBOURG SA")).isTrue();
    assertThat(Names.sameEntity("Société Générale", "Societe Generale")).isTrue();
    assertThat(Names.sameEntity("InvestByBit Pty Ltd", "Bybit")).isFalse();
    assertThat(Names.sameEntity("Payward Ltd.", "Payward Europe Solutions Limited")).isFalse();
    assertThat(Names.sameEntity("Ltd", "Limited")).isFalse();
    assertThat(Names.sameEntity(null, "x")).isFalse();
  }

  @Test
  void datesInEveryRegisterSpelling() {
    assertThat(Dates.dayFirst("27/01/2025")).isEqualTo(LocalDate.of(2025, 1, 27));
    assertThat(Dates.dayFirst("27.01.2025.")).isEqualTo(LocalDate.of(2025, 1, 27));
    assertThat(Dates.dayFirst("2024/04/03")).isEqualTo(LocalDate.of(2024, 4, 3));
    assertThat(Dates.dayFirst("2024-04-03")).isEqualTo(LocalDate.of(2024, 4, 3));
    assertThat(Dates.monthFirst("11/01/2024")).isEqualTo(LocalDate.of(2024, 11, 1));
    assertThat(Dates.dayFirst(" ")).isNull();
    assertThatThrownBy(() -> Dates.dayFirst("31/02/2025"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dates.dayFirst("soon")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Dates.dayFirstOrNull("soon")).isNull();
  }

  @Test
  void countryCodesAreNormalised() {
    assertThat(Countries.normalise(" el ")).isEqualTo("GR");
    assertThat(Countries.normalise("SL")).isEqualTo("SI");
    assertThat(Countries.normalise("Malta")).isNull();
    assertThat(Countries.list("AT I DE I IE | SL,EL/FR;NO  SE"))
        .containsExactly("AT", "DE", "FR", "GR", "IE", "NO", "SE", "SI");
  }
}
