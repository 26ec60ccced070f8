package io.cexsafe.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ProtectionProgrammeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theBundledAppDescriptionHoldsThePolicysFacts() {
    ProtectionProgramme app = ProtectionProgrammes.cryptoComApp();

    assertThat(app.id()).isEqualTo("crypto-com-app");
    assertThat(app.exchangeId()).isEqualTo("crypto-com");
    assertThat(app.capUsd()).isEqualByComparingTo("250000");
    assertThat(app.kycRequired()).isTrue();
    assertThat(app.discretionary()).isTrue();
    assertThat(app.termsPrevail()).contains("the relevant T&Cs shall prevail");
    assertThat(app.countries()).hasSize(26);
    assertThat(app.countries().stream().map(ProtectionProgramme.Country::code))
        .containsExactly(
            "AU", "AT", "BE", "BR", "BG", "DK", "FI", "FR", "GR", "HK", "IE", "IT", "NL", "NZ",
            "NO", "PL", "PT", "RO", "SA", "SG", "ZA", "ES", "SE", "CH", "TR", "AE");
    assertThat(app.minimumConditions()).hasSize(9);
    assertThat(app.minimumConditions().stream().map(c -> c.number()))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(app.minimumConditions().get(0).days()).isEqualTo(21);
    assertThat(app.minimumConditions().get(6).workingDays()).isEqualTo(30);
    assertThat(app.coveredEvents()).hasSize(2);
    assertThat(app.exclusions())
        .extracting(ProtectionProgramme.Exclusion::id)
        .containsExactly(
            "deceived-into-authorising",
            "mistaken-authorisation",
            "no-external-transfer",
            "fraud-or-abuse",
            "third-party-access-granted");
    assertThat(app.recoveryRules())
        .extracting(ProtectionProgramme.RecoveryRule::assetKind)
        .containsExactly(AssetKind.DIGITAL_ASSET, AssetKind.FIAT);
    assertThat(app.issuers()).hasSize(8).contains("Foris DAX MT Limited");
    assertThat(app.source().url())
        .isEqualTo("https://help.crypto.com/en/articles/5938387-crypto-com-app-policy");
    assertThat(app.source().publishedOn()).isNull();
    assertThat(app.source().asOf()).isEqualTo(LocalDate.of(2026, 11, 21));
    assertThat(ProtectionProgrammes.bundled("crypto-com-app")).contains(app);
    assertThat(ProtectionProgrammes.bundled("nope")).isEmpty();
  }

  private static ObjectNode bundledJson() throws IOException {
    try (InputStream in =
        ProtectionProgrammes.class.getResourceAsStream(
            ProtectionProgrammes.CRYPTO_COM_APP_RESOURCE)) {
      return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static void assertRejected(Consumer<ObjectNode> change, String message)
      throws IOException {
    ObjectNode programme = bundledJson();
    change.accept(programme);
    assertThatThrownBy(() -> ProtectionProgrammes.parse(programme.toString(), "p.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("p.json: " + message);
  }

  @Test
  void anotherExchangesProgrammeCanBeDescribedTheSameWay() throws IOException {
    ObjectNode other = bundledJson();
    other.put("id", "example-shield");
    other.put("exchangeId", "example");
    other.put("capUsd", "1000000");
    other.putArray("countries");
    other.put("discretionary", false);

    ProtectionProgramme programme = ProtectionProgrammes.parse(other.toString(), "other.json");

    assertThat(programme.availableIn("US")).isTrue();
    assertThat(programme.capUsd()).isEqualByComparingTo("1000000");
  }

  @Test
  void invalidDescriptionsAreRejectedWithThePath() throws IOException {
    assertRejected(
        p -> p.put("schema", "v2"),
        "$.schema: unsupported schema \"v2\" (expected cexsafe.protection-programme/1)");
    assertRejected(p -> p.put("capUsd", "-5"), "$: capUsd must be positive, was -5");
    assertRejected(
        p -> ((ObjectNode) p.get("countries").get(3)).put("code", "XX"),
        "$.countries[3]: not an ISO 3166-1 alpha-2 country code: XX");
    assertRejected(
        p -> ((ObjectNode) p.get("minimumConditions").get(0)).remove("days"),
        "$.minimumConditions[0]: condition mfa-enabled needs a positive days");
    assertRejected(
        p -> ((ObjectNode) p.get("minimumConditions").get(2)).put("days", 3),
        "$.minimumConditions[2]: condition withdrawal-lock does not take days");
    assertRejected(
        p -> ((ArrayNode) p.get("exclusions").get(0).get("causes")).add("HACK"),
        "$: cause HACK is both covered and excluded (exclusion deceived-into-authorising)");
    assertRejected(
        p -> ((ObjectNode) p.get("minimumConditions").get(1)).put("number", 1),
        "$: duplicate condition number: 1");
    assertRejected(
        p -> p.put("capUSD", "1"),
        "$.capUSD: unknown field (expected one of: schema,"
            + " id, version, exchangeId, name, source, issuers, termsPrevail, discretionary,"
            + " discretionNote, kycRequired, countries, capUsd, coveredEvents, exclusions,"
            + " minimumConditions, recoveryRules, reliefTerms, howToClaim)");
    assertRejected(
        p -> ((ArrayNode) p.get("recoveryRules")).remove(1),
        "$: covered transaction type FIAT_PURCHASE_THEN_WITHDRAWAL has no recovery rule for FIAT");
    assertRejected(
        p ->
            ((ArrayNode) p.get("coveredEvents").get(0).get("transactionTypes"))
                .add("INTERNAL_CONVERSION"),
        "$: transaction type INTERNAL_CONVERSION is both covered and excluded (exclusion"
            + " no-external-transfer)");
  }
}
