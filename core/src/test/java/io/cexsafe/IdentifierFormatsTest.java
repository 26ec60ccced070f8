package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierFormatsTest {
  @Test
  void leiChecksumAcceptsRegisteredLeisAndRejectsOneChangedCharacter() {
    assertThat(IdentifierFormats.isValidLei("2549005CVR5HH70FDO07")).isTrue();
    assertThat(IdentifierFormats.isValidLei("5299005V5GBSN2A4C303")).isTrue();
    assertThat(IdentifierFormats.isValidLei("984500F14CA4571AAC11")).isTrue();
    assertThat(IdentifierFormats.isValidLei("2549005CVR5HH70FDO08")).isFalse();
    assertThat(IdentifierFormats.isValidLei("2549005CVR5HH70FD007")).isFalse();
    // as printed in ESMA's register for OSL EU GmbH; fails the checksum, so it is not catalogued
    assertThat(IdentifierFormats.isValidLei("8945001TKX2A5OJMNR45")).isFalse();
  }

  @Test
  void leiOfTheWrongShapeIsRejectedBeforeTheChecksum() {
    assertThat(IdentifierFormats.isValidLei(null)).isFalse();
    assertThat(IdentifierFormats.isValidLei("")).isFalse();
    assertThat(IdentifierFormats.isValidLei("2549005cvr5hh70fdo07")).isFalse();
    assertThat(IdentifierFormats.isValidLei("2549005CVR5HH70FDO0")).isFalse();
    assertThat(IdentifierFormats.isValidLei("2549005CVR5HH70FDOAB")).isFalse();
    assertThat(IdentifierFormats.problem("esma.lei", "2549005CVR5HH70FDO08"))
        .hasValueSatisfying(p -> assertThat(p).contains("ISO 17442"));
  }

  @Test
  void abnChecksum() {
    assertThat(IdentifierFormats.isValidAbn("76640692735")).isTrue();
    assertThat(IdentifierFormats.isValidAbn("76640692736")).isFalse();
    assertThat(IdentifierFormats.isValidAbn("7664069273")).isFalse();
    assertThat(IdentifierFormats.isValidAbn("76 640 692 735")).isFalse();
  }

  @Test
  void registerAndAppFormats() {
    assertThat(IdentifierFormats.problem("fca.frn", "941745")).isEmpty();
    assertThat(IdentifierFormats.problem("fca.frn", "1036678")).isEmpty();
    assertThat(IdentifierFormats.problem("fca.frn", "94174")).isPresent();
    assertThat(IdentifierFormats.problem("fca.frn", "FRN941745")).isPresent();
    assertThat(IdentifierFormats.problem("fincen.msb", "31000241392664")).isEmpty();
    assertThat(IdentifierFormats.problem("fincen.msb", "29454073")).isPresent();
    assertThat(IdentifierFormats.problem("fincen.record", "29454073")).isEmpty();
    assertThat(IdentifierFormats.problem("fintrac.msb", "M21385577")).isEmpty();
    assertThat(IdentifierFormats.problem("fintrac.msb", "21385577")).isPresent();
    assertThat(IdentifierFormats.problem("vara.reference", "VL/23/10/003")).isEmpty();
    assertThat(IdentifierFormats.problem("vara.reference", "VL-23-10-003")).isPresent();
    assertThat(IdentifierFormats.problem("apple.id", "1262148500")).isEmpty();
    assertThat(IdentifierFormats.problem("apple.id", "id1262148500")).isPresent();
    assertThat(IdentifierFormats.problem("play.package", "co.mona.android")).isEmpty();
    assertThat(IdentifierFormats.problem("play.package", "co.mona.android/")).isPresent();
    assertThat(IdentifierFormats.problem("play.package", "android")).isPresent();
    assertThat(IdentifierFormats.problem("defillama.slug", "binance-cex")).isEmpty();
    assertThat(IdentifierFormats.problem("defillama.slug", "Binance-CEX"))
        .hasValueSatisfying(p -> assertThat(p).contains("lower-case"));
    assertThat(IdentifierFormats.problem("web.domain", "korbit.co.kr")).isEmpty();
    assertThat(IdentifierFormats.problem("web.domain", "https://www.gate.com")).isPresent();
    assertThat(IdentifierFormats.problem("web.domain", "Gate.com")).isPresent();
    assertThat(IdentifierFormats.problem("web.domain", "localhost")).isPresent();
    assertThat(IdentifierFormats.problem("por.page", "https://example.com/por")).isEmpty();
    assertThat(IdentifierFormats.problem("por.page", "example.com/por")).isPresent();
  }

  @Test
  void unknownSchemeIsAnError() {
    assertThatThrownBy(() -> IdentifierFormats.problem("mfsa.number", "C88392"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mfsa.number");
    assertThat(IdentifierFormats.problem("fca.frn", null)).isPresent();
  }
}
