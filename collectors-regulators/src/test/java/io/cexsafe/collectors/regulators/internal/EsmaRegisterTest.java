package io.cexsafe.collectors.regulators.internal;

import static io.cexsafe.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.regulators.internal.EsmaRegister.Casp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EsmaRegisterTest {
  private static EsmaRegister.Snapshot<Casp> parse(String text) throws Exception {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static EsmaRegister.Snapshot<Casp> parse(byte[] bytes) throws Exception {
    return EsmaRegister.casps(new ByteArrayInputStream(bytes), "CASPS.csv");
  }

  private static Casp row(EsmaRegister.Snapshot<Casp> s, String name) {
    return s.rows().stream().filter(r -> r.legalName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void readsEveryRecordAndDropsWholeRowDuplicates() throws Exception {
    var s = parse(fixture("esma/CASPS.csv"));
    assertThat(s.records()).isEqualTo(13);
    assertThat(s.rows()).hasSize(12);
    assertThat(s.rows().stream().filter(r -> r.legalName().equals("Dupe Example X"))).hasSize(1);
    assertThat(s.complete()).isTrue();
  }

  @Test
  void parsesTheCryptoComRow() throws Exception {
    Casp foris = row(parse(fixture("esma/CASPS.csv")), "Foris DAX MT Limited");
    assertThat(foris.lei()).isEqualTo("2549005CVR5HH70FDO07");
    assertThat(foris.authority()).isEqualTo("Malta Financial Services Authority (MFSA)");
    assertThat(foris.homeState()).isEqualTo("MT");
    assertThat(foris.authorisedOn()).isEqualTo(LocalDate.of(2025, 1, 27));
    assertThat(foris.endedOn()).isNull();
    assertThat(foris.services())
        .extracting(x -> x.substring(0, 1))
        .containsExactly("a", "c", "d", "e", "g", "j");
    assertThat(foris.hostStates()).hasSize(30).contains("GR", "SI", "NO");
  }

  @Test
  void handlesTheDefectsOfTheRealFile() throws Exception {
    var s = parse(fixture("esma/CASPS.csv"));
    Casp bybit = row(s, "Bybit EU GmbH");
    assertThat(bybit.authority()).isEqualTo("Austrian Financial Market Authority (FMA)");
    assertThat(bybit.authorisedOn()).isEqualTo(LocalDate.of(2025, 5, 28)); // "28.05.2025."
    assertThat(bybit.hostStates()).containsExactlyInAnyOrder("AT", "DE", "SI"); // " I ", SL, dupes
    assertThat(bybit.services()).extracting(x -> x.substring(0, 1)).containsExactly("a", "c");

    Casp coinbase = row(s, "Coinbase Luxembourg S.A.");
    assertThat(coinbase.hostStates()).containsExactlyInAnyOrder("LU", "GR", "FR"); // EL -> GR

    Casp bank = row(s, "Example Bank NV");
    assertThat(bank.address()).isEqualTo("Example Lane 2, 1080 Brussels"); // embedded newline
    assertThat(bank.authorisedOn()).isNull(); // blank date
    assertThat(bank.comments()).contains("services could start 27/7");

    Casp withdrawn = row(s, "Examplo Withdrawn Ltd");
    assertThat(withdrawn.endedOn()).isEqualTo(LocalDate.of(2026, 4, 24));
    assertThat(withdrawn.activeOn(LocalDate.of(2026, 11, 21))).isFalse();
    assertThat(withdrawn.activeOn(LocalDate.of(2026, 1, 1))).isTrue();
    assertThat(withdrawn.services()).hasSize(2); // no letters: keywords

    Casp bled = row(s, "Exemple Crypto SAS");
    assertThat(bled.address()).isEqualTo("12 rue Exemple, 75002 Paris");
    assertThat(bled.website()).isEqualTo("https://exemple.example");
    assertThat(bled.authorisedOn()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(bled.hostStates()).containsExactlyInAnyOrder("FR", "BE");

    // one LEI, two firms (one with a trailing dot)
    assertThat(s.rows().stream().filter(r -> "984500SHAREDLEI00001".equals(r.lei())))
        .extracting(Casp::legalName)
        .containsExactly("Shared Lei One SAS", "Shared Lei Two SAS");
    assertThat(row(s, "Payward Europe Solutions Limited").commercialName())
        .doesNotContain("\uFFFD");
  }

  @Test
  void aByteOrderMarkIsIgnored() throws Exception {
    byte[] body = fixture("esma/CASPS.csv").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    var s = parse(withBom);
    assertThat(s.rows()).hasSize(12);
    assertThat(row(s, "Foris DAX MT Limited").authority()).startsWith("Malta");
  }

  @Test
  void aTruncatedDownloadIsFlaggedSoAbsenceIsNotClaimed() throws Exception {
    String text = fixture("esma/CASPS.csv");
    String cut = text.substring(0, text.indexOf("Shared Lei Two SAS") + 40);
    var s = parse(cut);
    assertThat(s.truncated()).isTrue();
    assertThat(s.complete()).isFalse();
  }

  @Test
  void htmlOrAHeaderlessBodyIsAFailureNotAnEmptyRegister() {
    assertThatThrownBy(() -> parse("<!DOCTYPE html><html><body>Maintenance</body></html>"))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThatThrownBy(() -> parse("<html><title>Just a moment...</title></html>"))
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.BLOCKED);
    assertThatThrownBy(() -> parse("{}"))
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThatThrownBy(() -> parse(""))
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    String headerOnly = fixture("esma/CASPS.csv").lines().findFirst().orElseThrow() + "\n";
    assertThatThrownBy(() -> parse(headerOnly))
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MALFORMED_RESPONSE);
  }

  @Test
  void parsesTheWarningList() throws Exception {
    var s =
        EsmaRegister.nonCompliant(
            new ByteArrayInputStream(fixture("esma/NCASP.csv").getBytes(StandardCharsets.UTF_8)),
            "NCASP.csv");
    assertThat(s.rows()).hasSize(3);
    var consob = s.rows().get(1);
    assertThat(consob.authority())
        .isEqualTo("Commissione Nazionale per le Societa e la Borsa (CONSOB)");
    assertThat(consob.websites()).first().isEqualTo("https://cryptoexample24.example");
    assertThat(consob.reason()).isNull(); // the literal "None"
    var afm = s.rows().get(2);
    assertThat(afm.reason()).startsWith("Megaxchange Global provides");
    assertThat(afm.decidedOn()).isEqualTo(LocalDate.of(2025, 9, 16));
    assertThat(afm.warningUrl()).isEqualTo("https://www.afm.nl/en/sector/actueel/2025/sep/example");
  }

  @Test
  void serviceListsInAnySeparator() {
    assertThat(
            EsmaRegister.services("a.\tcustody | b. operation of a trading platform|j. transfer"))
        .extracting(x -> x.substring(0, 1))
        .containsExactly("a", "b", "j");
    assertThat(EsmaRegister.services(" h. providing advice on crypto-assets"))
        .containsExactly("h. providing advice on crypto-assets");
    assertThat(EsmaRegister.services("exchange of crypto-assets for other")).hasSize(1);
    assertThat(EsmaRegister.services("")).isEmpty();
  }

  @Test
  void leisAreCleanedOrRejected() {
    assertThat(EsmaRegister.lei(" 984500ab011s3aef6706. ")).isEqualTo("984500AB011S3AEF6706");
    assertThat(EsmaRegister.lei("not-a-lei")).isNull();
    assertThat(EsmaRegister.lei("")).isNull();
    assertThat(
            List.of(
                EsmaSource.regulatorName(" Finansinspektionen", "SE"),
                EsmaSource.regulatorName("Bank of Lithuania (LSC)", "LT")))
        .containsExactly(" Finansinspektionen", "LSC");
  }
}
