package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input against the shaded jar, as issue 15 lists it: every file option given a pipe, a
 * device, a directory, a loop of links or an oversized file; huge numbers and counts; impossible
 * dates; unknown and duplicate settings; failed writes; a formula smuggled into CSV. Each case must
 * end within its timeout with the documented exit code and one plain line on stderr, and lose
 * nothing (an existing {@code -o} file survives). See docs/limits.md.
 */
class HostileInputIT {
  /** Every hostile case is a quick refusal: far below the runner's default. */
  private static final Duration QUICK = Duration.ofSeconds(40);

  private static final Path EXAMPLES = Path.of("").toAbsolutePath().resolveSibling("docs/examples");

  @TempDir Path home;

  private Path fifo;
  private Path loop;
  private Path oversized;

  @BeforeEach
  void hostileFiles() throws Exception {
    fifo = home.resolve("pipe.json");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
        .as("mkfifo")
        .isTrue();
    loop = home.resolve("loop.json");
    Files.createSymbolicLink(loop, home.resolve("loop-back.json"));
    Files.createSymbolicLink(home.resolve("loop-back.json"), loop);
    oversized = home.resolve("huge.json");
    try (RandomAccessFile file = new RandomAccessFile(oversized.toFile(), "rw")) {
      file.setLength(17L << 20); // sparse: above the 16 MiB cap without writing it
    }
  }

  /** A file option, as the arguments that pass it the given path. */
  record FileOption(String name, Function<Path, List<String>> arguments) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<FileOption> fileOptions() {
    String claim = EXAMPLES.resolve("protection-claim.json").toString();
    String posture = EXAMPLES.resolve("account-posture.json").toString();
    return Stream.of(
        new FileOption("--config", p -> List.of("exchanges", "--config", p.toString())),
        new FileOption("--catalog", p -> List.of("exchanges", "--catalog", p.toString())),
        new FileOption("--methodology", p -> List.of("methodology", "--methodology", p.toString())),
        new FileOption("claim", p -> List.of("protection", "check", p.toString())),
        new FileOption(
            "claim --programme",
            p -> List.of("protection", "check", claim, "--programme", p.toString())),
        new FileOption("posture file", p -> List.of("posture", p.toString())),
        new FileOption(
            "posture --programme", p -> List.of("posture", posture, "--programme", p.toString())),
        new FileOption("por verify proof", p -> List.of("por", "verify", p.toString())),
        new FileOption("por verify tree", p -> List.of("por", "verify", posture, p.toString())),
        new FileOption(
            "--proof", p -> List.of("assess", "okx", "--offline", "--proof", "okx=" + p)),
        new FileOption(
            "--proof-tree",
            p ->
                List.of(
                    "assess",
                    "okx",
                    "--offline",
                    "--proof",
                    "okx=" + posture,
                    "--proof-tree",
                    "okx=" + p)));
  }

  static Stream<Arguments> fileOptionsAndHostileFiles() {
    List<Arguments> cases = new ArrayList<>();
    for (FileOption option : fileOptions().toList()) {
      for (String kind : List.of("fifo", "/dev/zero", "directory", "link loop", "oversized")) {
        cases.add(Arguments.of(option, kind));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} given a {1}")
  @MethodSource("fileOptionsAndHostileFiles")
  void everyFileOptionRefusesWhatIsNotASmallRegularFile(FileOption option, String kind) {
    Path hostile =
        switch (kind) {
          case "fifo" -> fifo;
          case "/dev/zero" -> Path.of("/dev/zero");
          case "directory" -> home;
          case "link loop" -> loop;
          default -> oversized;
        };
    if (kind.equals("oversized") && option.name().contains("tree")) {
      return; // trees are large by nature: their cap is 64 GiB, tested below with a lower cap
    }
    JarRunner.Result result = run(option.arguments().apply(hostile).toArray(String[]::new));
    String expected =
        switch (kind) {
          case "fifo", "/dev/zero" -> "not a regular file";
          case "directory" -> "is a directory";
          case "link loop" -> "a loop of symbolic links";
          default -> "larger than the limit of 16 MiB";
        };
    assertBadInput(result, expected);
    assertThat(result.stderr()).contains(hostile.toString());
  }

  @Test
  void aTreeOverItsCapIsRefusedAndTheCapCanBeRaised() throws IOException {
    Path proof = copyExample("account-posture.json");
    assertBadInput(
        run("por", "verify", proof.toString(), oversized.toString(), "--max-tree-size", "1M"),
        "larger than the limit of 1 MiB; raise it with --max-tree-size");
    // raised, the tree passes the size check and the proof is judged on its content instead
    JarRunner.Result raised =
        run("por", "verify", proof.toString(), oversized.toString(), "--max-tree-size", "1G");
    assertThat(raised.stderr()).doesNotContain("larger than the limit");
    assertThat(raised.timedOut()).as(raised.describe()).isFalse();
    assertBadInput(run("por", "verify", proof.toString(), "--max-tree-size", "lots"), "not a size");
  }

  @Test
  void aDisclosuresDirectoryWithAPipeOrALoopIsAnErrorNotASkip() throws IOException {
    Path disclosures = Files.createDirectory(home.resolve("disclosures"));
    Path pipe = disclosures.resolve("okx.json");
    Files.move(fifo, pipe);
    assertBadInput(
        run("assess", "okx", "--offline", "--set", "disclosures.dir=" + disclosures),
        "okx.json: not a regular file");
    Files.delete(pipe);
    Files.createSymbolicLink(
        disclosures.resolve("kraken.json"), disclosures.resolve("kraken.json"));
    assertBadInput(
        run("assess", "okx", "--offline", "--set", "disclosures.dir=" + disclosures),
        "kraken.json: a loop of symbolic links");
    assertBadInput(
        run("assess", "okx", "--offline", "--set", "disclosures.dir=/dev/zero"), "not a directory");
  }

  @Test
  void hugeNumbersInAClaimAreRefusedQuickly() throws IOException {
    for (String amount : List.of("\"1e999999\"", "1e999999", "\"" + "9".repeat(300) + "\"")) {
      Path claim =
          Files.writeString(
              home.resolve("claim.json"),
              Files.readString(EXAMPLES.resolve("protection-claim.json"))
                  .replace("\"amount\": \"3.2\"", "\"amount\": " + amount));
      assertBadInput(run("protection", "check", claim.toString()), "$.transactions[0].amount");
    }
    Path disclosures = Files.createDirectory(home.resolve("facts"));
    Files.writeString(
        disclosures.resolve("okx.json"),
        "{\"exchange\": \"okx\", \"curatedOn\": \"2026-01-01\", \"facts\": [{\"id\": \"okx-cover\","
            + " \"fact\": {\"type\": \"insurance-policy\", \"coverUsd\": 1e999999,"
            + " \"underwriter\": \"U\", \"scope\": [\"COLD_STORAGE\"]}, \"source\": {\"url\":"
            + " \"https://example.com/x\", \"title\": \"x\"}, \"observedOn\": \"2025-09-15\","
            + " \"evidenceClass\": \"exchange-disclosure\"}]}");
    assertBadInput(
        run("assess", "okx", "--offline", "--set", "disclosures.dir=" + disclosures),
        "$.facts[0].fact.coverUsd: the number is out of range");
  }

  @Test
  void hugeCountsAndImpossibleDatesAreRefused() {
    assertBadInput(
        run("compare", "okx", "kraken", "--offline", "--sensitivity", "--draws", "2000000000"),
        "--draws must be between 1 and 1000000");
    assertBadInput(
        run("assess", "okx", "--offline", "--as-of", "+999999999-12-31"), "out of range");
    assertBadInput(run("assess", "okx", "--offline", "--as-of", "2026-02-30"), "--as-of");
    assertBadInput(
        run("assess", "okx", "--offline", "--proof-date", "okx=-999999999-01-01"), "out of range");
    assertBadInput(run("licensed-in", "ZZ"), "'ZZ' is not an assigned ISO 3166 country code");
  }

  @Test
  void unknownAndDuplicateSettingsAreRefusedWithASuggestion() throws IOException {
    assertBadInput(
        run("exchanges", "--set", "defilama.base-url=http://127.0.0.1:9"),
        "unknown setting 'defilama.base-url' (given with --set); did you mean"
            + " 'defillama.base-url'?");
    Path typo = Files.writeString(home.resolve("typo.json"), "{\"http\": {\"max-atempts\": 2}}");
    assertBadInput(
        run("assess", "okx", "--offline", "--config", typo.toString()),
        "did you mean 'http.max-attempts'?");
    Path twice =
        Files.writeString(
            home.resolve("twice.json"), "{\"http\": {\"max-attempts\": 2, \"max-attempts\": 3}}");
    assertBadInput(run("exchanges", "--config", twice.toString()), "duplicate setting");
    assertBadInput(
        run("exchanges", "--set", "http.max-attempts=2", "--set", "http.max-attempts=3"),
        "--set http.max-attempts is given twice");
  }

  @Test
  void typosInTheEnvironmentAndSystemPropertiesAreRefusedWithASuggestion() {
    assertBadInput(
        runner().env("CEXSAFE_DEFILAMA_BASE_URL", "http://127.0.0.1:9").run("exchanges"),
        "unknown setting in environment variable CEXSAFE_DEFILAMA_BASE_URL; did you mean"
            + " CEXSAFE_DEFILLAMA_BASE_URL ('defillama.base-url')?");
    assertBadInput(
        runner().jvmOption("-Dcexsafe.http.max-atempts=2").run("assess", "okx", "--offline"),
        "unknown setting 'http.max-atempts' (system property cexsafe.http.max-atempts); did you"
            + " mean 'http.max-attempts'?");
    assertBadInput(
        runner().env("CEXSAFE_HTTP_MAX_ATTEMPTS", "many").run("exchanges"),
        "invalid value 'many' for setting 'http.max-attempts': expected an integer within [1,"
            + " 20]");
    assertBadInput(
        runner()
            .env("CEXSAFE_REGULATORS_FCA_API_KEY", " ")
            .run("exchanges", "--set", "defillama.top-holdings=0"),
        "invalid value '0' for setting 'defillama.top-holdings': expected an integer within [1,"
            + " 100]");
  }

  @Test
  void failedWritesExitNonZeroWithOneLine() {
    assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is Linux-only");
    JarRunner.Result stdout = runner().stdoutTo(Path.of("/dev/full")).run("exchanges");
    assertFailure(stdout, "could not write the output");
    for (String format : List.of("table", "csv", "json", "md")) {
      assertFailure(
          run("assess", "okx", "--offline", "--format", format, "-o", "/dev/full"),
          "cannot write /dev/full: No space left on device");
    }
  }

  @Test
  void aWriteCutShortKeepsThePreviousFile() throws IOException {
    Path report = Files.writeString(home.resolve("report.csv"), "previous report\n");
    // a file size limit of 1 KiB makes the write fail part-way, as a full disk would
    JarRunner.Result result =
        runner()
            .fileSizeLimitKiB(1)
            .run("assess", "okx", "--offline", "--format", "csv", "-o", report.toString());
    assertThat(result.exitCode()).as(result.describe()).isNotZero();
    assertThat(result.timedOut()).isFalse();
    assertThat(Files.readString(report)).isEqualTo("previous report\n");
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void outputIntoAReadOnlyDirectoryKeepsThePreviousFile() throws IOException {
    assumeTrue(
        !"root".equals(System.getProperty("user.name")),
        "root writes into read-only directories; the /proc case below covers root");
    Path directory = Files.createDirectory(home.resolve("read-only"));
    Path report = Files.writeString(directory.resolve("report.csv"), "previous report\n");
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertFailure(
          run("assess", "okx", "--offline", "--format", "csv", "-o", report.toString()),
          "permission denied (any previous file is unchanged)");
      assertThat(Files.readString(report)).isEqualTo("previous report\n");
    } finally {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void outputWhereNoFileCanBeCreatedFailsWithOneLine() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "/proc is Linux-only");
    assertFailure(
        run("assess", "okx", "--offline", "-o", "/proc/cexsafe-report.txt"),
        "cannot write /proc/cexsafe-report.txt: cannot create a file in /proc");
  }

  @Test
  void aFormulaInAnExchangeNameIsNeutralisedInCsv() throws IOException {
    String formula = "=HYPERLINK(\"http://x\",\"y\")";
    Path catalog =
        Files.writeString(
            home.resolve("catalog.json"),
            "{\"exchanges\": [{\"id\": \"evil\", \"name\": "
                + "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"}]}",
            StandardCharsets.UTF_8);
    Path report = home.resolve("evil.csv");
    JarRunner.Result result =
        run(
            "assess",
            "evil",
            "--offline",
            "--catalog",
            catalog.toString(),
            "--format",
            "csv",
            "-o",
            report.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(report))
            .getRecords();
    assertThat(rows).isNotEmpty();
    assertThat(rows)
        .allSatisfy(row -> assertThat(row.get("exchange_name")).isEqualTo("'" + formula));
  }

  @Test
  void usageErrorsAreAtMostTheErrorAndAHint() {
    for (String[] args :
        List.of(
            new String[] {"assess"},
            new String[] {"no-such-command"},
            new String[] {"assess", "okx", "--no-such-option"},
            new String[] {"compare", "okx", "kraken", "--draws", "many"})) {
      JarRunner.Result result = run(args);
      assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
      assertThat(result.stderr().strip().lines().count()).as(result.describe()).isBetween(1L, 2L);
      assertThat(result.leaksJava()).as(result.describe()).isFalse();
    }
  }

  private Path copyExample(String name) throws IOException {
    return Files.copy(EXAMPLES.resolve(name), home.resolve(name));
  }

  private JarRunner runner() {
    // every case is a short refusal: a JVM tuned for start-up keeps the 70 runs affordable
    return JarRunner.inHome(home)
        .timeout(QUICK)
        .jvmOption("-XX:TieredStopAtLevel=1")
        .jvmOption("-XX:+UseSerialGC");
  }

  private JarRunner.Result run(String... args) {
    return runner().run(args);
  }

  private static void assertBadInput(JarRunner.Result result, String expected) {
    assertThat(result.timedOut()).as(result.describe()).isFalse();
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertOneLine(result, expected);
  }

  private static void assertFailure(JarRunner.Result result, String expected) {
    assertThat(result.timedOut()).as(result.describe()).isFalse();
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
    assertOneLine(result, expected);
  }

  private static void assertOneLine(JarRunner.Result result, String expected) {
    assertThat(result.stderr().strip().lines().count()).as(result.describe()).isEqualTo(1);
    assertThat(result.stderr()).as(result.describe()).startsWith("cexsafe: ").contains(expected);
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
  }
}
