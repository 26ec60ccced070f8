package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proof collector is built from --proof options (and proof settings) and registered once. */
class ProofOptionsTest {
  @TempDir Path dir;

  private static List<String> proofOutcomes(CliTest.Result result) throws Exception {
    JsonNode outcomes =
        new ObjectMapper().readTree(result.out()).at("/assessments/0/bundle/outcomes");
    List<String> statuses = new ArrayList<>();
    for (JsonNode outcome : outcomes) {
      if (outcome.get("collectorId").asText().equals("proof-of-reserves")) {
        statuses.add(outcome.get("status").asText());
      }
    }
    return statuses;
  }

  @Test
  void proofOptionsBuildTheOneProofCollector() throws Exception {
    OkxV2TestProof proof = OkxV2TestProof.write(dir);
    CliTest.Result result =
        CliTest.run(
            "assess",
            "okx",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--format",
            "json",
            "--proof",
            "okx=" + proof.user(),
            "--proof-tree",
            "okx=" + proof.tree(),
            "--proof-date",
            "okx=2026-11-01");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(proofOutcomes(result)).containsExactly("ok");
  }

  @Test
  void proofSettingsStillWorkWithoutOptions() throws Exception {
    OkxV2TestProof proof = OkxV2TestProof.write(dir);
    CliTest.Result result =
        CliTest.run(
            "assess",
            "okx",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--format",
            "json",
            "--set",
            "proof-of-reserves.proof.okx=" + proof.user(),
            "--set",
            "proof-of-reserves.tree.okx=" + proof.tree(),
            "--set",
            "proof-of-reserves.snapshot.okx=2026-11-01");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(proofOutcomes(result)).containsExactly("ok");
  }

  @Test
  void aProofGivenBothWaysIsRefused() throws Exception {
    OkxV2TestProof proof = OkxV2TestProof.write(dir);
    CliTest.Result result =
        CliTest.run(
            "assess",
            "okx",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--proof",
            "okx=" + proof.user(),
            "--set",
            "proof-of-reserves.proof.okx=" + proof.user());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "--proof is given for okx and so is the setting proof-of-reserves.proof.okx; give one");
  }

  @Test
  void aBadProofSettingValueNamesTheKey() {
    CliTest.Result result =
        CliTest.run(
            "assess", "okx", "--offline", "--set", "proof-of-reserves.snapshot.okx=April 2023");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "invalid value 'April 2023' for setting 'proof-of-reserves.snapshot.okx': expected a"
                + " date such as 2023-04-01");
  }
}
