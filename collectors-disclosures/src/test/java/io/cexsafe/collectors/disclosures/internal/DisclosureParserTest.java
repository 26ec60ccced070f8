package io.cexsafe.collectors.disclosures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.EvidenceClass;
import io.cexsafe.InvalidInputException;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.facts.InsuranceScope;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DisclosureParserTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
  private static final String FILE = "research/acme.json";

  private static final String INSURANCE =
      """
      {"type": "insurance-policy", "coverUsd": 750000000, "underwriter": "Arch", "scope": ["COLD_STORAGE"]}""";

  static String file(String... entries) {
    return """
        {"exchange": "acme", "curatedOn": "2026-11-20", "facts": [%s]}"""
        .formatted(String.join(",", entries));
  }

  static String entry(String id, String fact) {
    return entry(id, fact, "https://acme.example/insurance", "2026-01-05");
  }

  static String entry(String id, String fact, String url, String observedOn) {
    return """
        {"id": "%s", "fact": %s,
         "source": {"url": "%s", "title": "Acme insurance"},
         "observedOn": "%s", "evidenceClass": "exchange-disclosure", "note": "n"}"""
        .formatted(id, fact, url, observedOn);
  }

  private static DisclosureFile parse(String json) {
    return DisclosureParser.parse(json, FILE, TODAY, true);
  }

  private static void assertInvalid(ThrowingCallable call, String path, String problem) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo(FILE);
              assertThat(e.path()).isEqualTo(path);
              assertThat(e.problem()).contains(problem);
              assertThat(e.getMessage()).startsWith(FILE + ": " + path);
            });
  }

  @Test
  @org.junit.jupiter.api.Timeout(10)
  void hugeNumbersAreRefusedBeforeAnyArithmetic() {
    for (String cover : new String[] {"1e999999", "\"1e999999\"", "1" + "0".repeat(80)}) {
      assertInvalid(
          () -> parse(file(entry("a", INSURANCE.replace("750000000", cover)))),
          "$.facts[0].fact.coverUsd",
          "the number");
    }
    assertThat(parse(file(entry("a", INSURANCE.replace("750000000", "7.5e8")))).facts()).hasSize(1);
  }

  @Test
  void parsesEveryFieldOfAValidFile() {
    String json =
        """
        {"exchange": "acme", "curatedOn": "2026-11-20", "curator": "research team", "facts": [
          {"id": "acme-insurance", "fact": %s,
           "source": {"url": "https://acme.example/insurance", "title": "Acme insurance"},
           "observedOn": "2026-01-05", "evidenceClass": "exchange-disclosure",
           "staleAfter": "2027-01-05", "note": "renewed yearly"}]}"""
            .formatted(INSURANCE);

    DisclosureFile file = parse(json);

    assertThat(file.exchangeId()).isEqualTo("acme");
    assertThat(file.curatedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(file.findings()).isEmpty();
    CuratedFact fact = file.facts().get(0);
    assertThat(fact.id()).isEqualTo("acme-insurance");
    assertThat(fact.fact())
        .isEqualTo(
            new InsurancePolicy(
                new BigDecimal("750000000"),
                "Arch",
                null,
                java.util.Set.of(InsuranceScope.COLD_STORAGE),
                null,
                null,
                null));
    assertThat(fact.sourceUrl()).isEqualTo(URI.create("https://acme.example/insurance"));
    assertThat(fact.sourceTitle()).isEqualTo("Acme insurance");
    assertThat(fact.observedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(fact.evidenceClass()).isEqualTo(EvidenceClass.EXCHANGE_DISCLOSURE);
    assertThat(fact.staleAfter()).isEqualTo(LocalDate.of(2027, 1, 5));
    assertThat(fact.note()).isEqualTo("renewed yearly");
    assertThat(fact.origin()).isEqualTo(FILE);
    assertThat(fact.userSupplied()).isTrue();
  }

  @Test
  void acceptsUrnSources() {
    DisclosureFile file =
        parse(file(entry("a", INSURANCE, "urn:cexsafe:seed:000_1c1cf4b618f62338", "2026-01-05")));
    assertThat(file.facts().get(0).sourceUrl().getScheme()).isEqualTo("urn");
  }

  @Test
  void rejectsMalformedJsonWithItsPosition() {
    assertThatThrownBy(() -> parse("{\"exchange\": \"acme\", "))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo(FILE);
              assertThat(e.problem()).startsWith("malformed JSON").contains("line 1");
            });
  }

  @Test
  void rejectsAnEmptyFileAndNonObjects() {
    assertInvalid(() -> parse(""), "$", "empty file");
    assertInvalid(() -> parse("[]"), "$", "must be a JSON object");
    assertInvalid(() -> parse(file("42")), "$.facts[0]", "must be a JSON object");
  }

  @Test
  void rejectsAnUnknownFactType() {
    assertInvalid(
        () -> parse(file(entry("a", "{\"type\": \"rumour\"}"))),
        "$.facts[0].fact.type",
        "unknown fact type 'rumour'");
    assertInvalid(
        () -> parse(file(entry("a", "{\"coverUsd\": 1}"))), "$.facts[0].fact.type", "missing");
  }

  @Test
  void rejectsAMissingSourceOrSourceField() {
    String noSource =
        """
        {"id": "a", "fact": %s, "observedOn": "2026-01-05", "evidenceClass": "exchange-disclosure"}"""
            .formatted(INSURANCE);
    assertInvalid(
        () -> parse(file(entry("x", INSURANCE), noSource)), "$.facts[1].source", "missing");

    String noUrl =
        entry("a", INSURANCE).replace("\"url\": \"https://acme.example/insurance\",", "");
    assertInvalid(() -> parse(file(noUrl)), "$.facts[0].source.url", "missing");

    String blankTitle = entry("a", INSURANCE).replace("Acme insurance", " ");
    assertInvalid(() -> parse(file(blankTitle)), "$.facts[0].source.title", "must not be blank");
  }

  @Test
  void rejectsRelativeOrHostlessUrls() {
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE, "/insurance", "2026-01-05"))),
        "$.facts[0].source.url",
        "absolute");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE, "ftp://acme.example/x", "2026-01-05"))),
        "$.facts[0].source.url",
        "absolute");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE, "https:///x", "2026-01-05"))),
        "$.facts[0].source.url",
        "no host");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE, "https://acme example", "2026-01-05"))),
        "$.facts[0].source.url",
        "not a valid URI");
  }

  @Test
  void rejectsDatesInTheFutureOrOutOfOrder() {
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE, "https://a.example", "2026-11-22"))),
        "$.facts[0].observedOn",
        "in the future");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE, "https://a.example", "2026-11-21"))),
        "$.facts[0].observedOn",
        "after the file was curated on 2026-11-20");
    assertInvalid(
        () -> parse(file().replace("2026-11-20", "2027-01-01")), "$.curatedOn", "in the future");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE, "https://a.example", "2026-1-5"))),
        "$.facts[0].observedOn",
        "YYYY-MM-DD");
    String stale =
        entry("a", INSURANCE).replace("\"note\"", "\"staleAfter\": \"2025-01-01\", \"note\"");
    assertInvalid(() -> parse(file(stale)), "$.facts[0].staleAfter", "before it was observed");
  }

  @Test
  void rejectsUnknownFieldsAtEveryLevel() {
    assertInvalid(
        () -> parse(file().replace("\"facts\"", "\"extra\": 1, \"facts\"")),
        "$.extra",
        "unknown field 'extra'");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE).replace("\"note\"", "\"notes\""))),
        "$.facts[0].notes",
        "unknown field 'notes'");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE.replace("\"scope\"", "\"scopes\"")))),
        "$.facts[0].fact.scopes",
        "unknown field 'scopes'");
  }

  @Test
  void rejectsInvalidFactContentWithThePathInsideTheFact() {
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE.replace("750000000", "-1")))),
        "$.facts[0].fact",
        "coverUsd must not be negative");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE.replace("COLD_STORAGE", "VIBES")))),
        "$.facts[0].fact.scope[0]",
        "VIBES");
  }

  @Test
  void requiresPrimitiveFactFieldsToBeWrittenOut() {
    String dashboard = "{\"type\": \"por-dashboard\", \"url\": \"https://acme.example/por\"}";
    assertInvalid(
        () -> parse(file(entry("a", dashboard))), "$.facts[0].fact.liveOnChain", "missing");
  }

  @Test
  void rejectsBadIdsClassesAndNames() {
    assertInvalid(() -> parse(file(entry("Bad Id", INSURANCE))), "$.facts[0].id", "kebab-case");
    assertInvalid(
        () -> parse(file(entry("a", INSURANCE).replace("exchange-disclosure", "gossip"))),
        "$.facts[0].evidenceClass",
        "unknown evidence class 'gossip'");
    assertInvalid(
        () ->
            parse(
                file(
                    entry("a", INSURANCE)
                        .replace("exchange-disclosure", "cryptographically-verified"))),
        "$.facts[0].evidenceClass",
        "not verified");
    assertInvalid(
        () -> parse(file().replace("\"acme\"", "\"Acme Exchange\"")), "$.exchange", "kebab-case");
    assertInvalid(
        () -> parse("{\"exchange\": \"acme\", \"curatedOn\": \"2026-11-20\"}"),
        "$.facts",
        "missing");
  }

  @Test
  void rejectsAKeyWrittenTwice() {
    assertThatThrownBy(() -> parse("{\"exchange\": \"acme\", \"exchange\": \"other\"}"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problem()).contains("Duplicate field 'exchange'"));
  }

  @Test
  void reportsADuplicatedIdAndKeepsTheFirstEntry() {
    DisclosureFile file =
        parse(
            file(
                entry("a", INSURANCE),
                entry(
                    "a", INSURANCE.replace("750000000", "1"), "https://b.example", "2026-01-05")));

    assertThat(file.facts()).hasSize(1);
    assertThat(((InsurancePolicy) file.facts().get(0).fact()).coverUsd())
        .isEqualByComparingTo("750000000");
    assertThat(file.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.Kind.DUPLICATE_ID);
              assertThat(f.message()).contains(FILE, "$.facts[1].id", "already used at $.facts[0]");
            });
  }
}
