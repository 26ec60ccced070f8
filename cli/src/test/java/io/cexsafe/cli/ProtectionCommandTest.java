package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectionCommandTest {
  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void checkPrintsTheVerdictForPeople() {
    Result result =
        run("protection", "check", EXAMPLES.resolve("protection-claim.json").toString());

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .contains("Outcome:   MEETS THE MINIMUM CONDITIONS")
        .contains("Deadline to contact support: 2026-04-22")
        .contains("estimate USD 249999.99 (cap reached)");
  }

  @Test
  void checkPrintsJsonOnRequest() throws IOException {
    Result result =
        run(
            "protection",
            "check",
            "--format",
            "json",
            EXAMPLES.resolve("protection-claim-incomplete.json").toString());

    assertThat(result.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("outcome").asText()).isEqualTo("CONDITIONS_NOT_MET");
    assertThat(json.at("/informationNeeded/0/path").asText()).isEqualTo("$.policeReport");
  }

  @Test
  void aMissingFieldExits2NamingTheFileAndJsonPath() throws IOException {
    String claim =
        Files.readString(EXAMPLES.resolve("protection-claim.json"), StandardCharsets.UTF_8)
            .replace("\"amount\": \"3.2\",", "");
    Path file = write("claim.json", claim);

    Result result = run("protection", "check", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().strip())
        .isEqualTo("cexsafe: error: " + file + ": $.transactions[0].amount: missing");
  }

  @Test
  void malformedJsonExits2WithoutAStackTrace() throws IOException {
    Path file = write("claim.json", "{\"programme\": ");

    Result result = run("protection", "check", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("cexsafe: error: " + file + ": $: malformed JSON");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void anUnknownProgrammeOrFileExits2() throws IOException {
    String claim =
        Files.readString(EXAMPLES.resolve("protection-claim.json"), StandardCharsets.UTF_8)
            .replace("\"crypto-com-app\"", "\"binance-safu\"");
    Path file = write("claim.json", claim);

    Result unknown = run("protection", "check", file.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .contains(
            file + ": $.programme: unknown programme \"binance-safu\" (bundled: crypto-com-app)");

    Result missing = run("protection", "check", dir.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json: file not found");
  }

  @Test
  void postureAuditsTheAccount() {
    Result result = run("posture", EXAMPLES.resolve("account-posture.json").toString());

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("CRITICAL DEVICES")
        .contains("Protection programme readiness (crypto-com-app): not ready today")
        .contains("Waiting periods served from: 2026-05-16");
  }

  @Test
  void postureJsonAndBadInput() throws IOException {
    Result json =
        run("posture", "--format", "json", EXAMPLES.resolve("account-posture.json").toString());
    assertThat(json.code()).isZero();
    assertThat(new ObjectMapper().readTree(json.out()).at("/appReadiness/readyToday").asBoolean())
        .isFalse();

    Path file = write("account.json", "{\"programme\": \"crypto-com-app\", \"twoFactr\": {}}");
    Result bad = run("posture", file.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains(file + ": $.twoFactr: unknown field");
  }
}
