package io.cexsafe.protection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cexsafe.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the three files users give the protection commands: a claim ({@code
 * protection check}), account settings ({@code posture}) and a programme ({@code --programme}).
 * Each input is parsed and then evaluated and rendered as the CLI does, so unbounded arithmetic or
 * calendar loops count as findings too. Only {@link InvalidInputException} (source, JSON path,
 * problem) may escape. Seeds under {@code ProtectionInputsFuzzTestInputs/<method>/}; see
 * docs/fuzzing.md.
 */
class ProtectionInputsFuzzTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC);
  private static final ProtectionProgramme BUNDLED = ProtectionProgrammes.cryptoComApp();
  private static final Claim EXAMPLE_CLAIM =
      Claim.fromJson(seed("claim/documented-example.json"), "claim", CLOCK);
  private static final AccountSettings EXAMPLE_ACCOUNT =
      AccountSettings.fromJson(seed("posture/documented-example.json"), "posture", CLOCK);

  @FuzzTest(maxDuration = "5m")
  void claim(byte[] content) {
    Claim claim;
    try {
      claim = Claim.fromJson(utf8(content), "claim.json", CLOCK);
    } catch (InvalidInputException refused) {
      return;
    }
    evaluate(BUNDLED, claim);
  }

  @FuzzTest(maxDuration = "5m")
  void posture(byte[] content) {
    AccountSettings account;
    try {
      account = AccountSettings.fromJson(utf8(content), "posture.json", CLOCK);
    } catch (InvalidInputException refused) {
      return;
    }
    audit(BUNDLED, account);
  }

  @FuzzTest(maxDuration = "5m")
  void programme(byte[] content) {
    ProtectionProgramme programme;
    try {
      programme = ProtectionProgrammes.parse(utf8(content), "programme.json");
    } catch (InvalidInputException refused) {
      return;
    }
    evaluate(programme, EXAMPLE_CLAIM);
    audit(programme, EXAMPLE_ACCOUNT);
  }

  /** Found by seeding this fuzz test: Jackson's NumberFormatException escaped the parser. */
  @Test
  void aNumberWithAnExponentNoDecimalHoldsIsInvalidInput() {
    String claim = "{\"programme\": \"crypto-com-app\", \"amount\": 1e9999999999}";

    assertThatThrownBy(() -> Claim.fromJson(claim, "claim.json", CLOCK))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("claim.json")
        .hasMessageContaining("a number that cannot be read");
  }

  private static void evaluate(ProtectionProgramme programme, Claim claim) {
    try {
      ClaimAssessment assessment = ClaimEvaluator.forProgramme(programme).evaluate(claim);
      ProtectionReports.text(assessment);
      ProtectionReports.json(assessment);
    } catch (InvalidInputException refused) {
      // documented: the claim names another programme
    }
  }

  private static void audit(ProtectionProgramme programme, AccountSettings account) {
    try {
      PostureReport report = PostureAuditor.forProgramme(programme).audit(account);
      ProtectionReports.text(report);
      ProtectionReports.json(report);
    } catch (InvalidInputException refused) {
      // documented: the settings name another programme
    }
  }

  private static String utf8(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }

  private static String seed(String name) {
    String resource = "ProtectionInputsFuzzTestInputs/" + name;
    try (InputStream in = ProtectionInputsFuzzTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing seed " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
