package io.cexsafe.cli;

import io.cexsafe.Assessor;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.collectors.disclosures.DisclosuresCollector;
import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.scoring.Backtest;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.spi.EvidenceCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Scores dated historical cases as of their dates and checks what the methodology should say. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Score dated, sourced cases as of their dates and check expectations such as",
      "'FTX on 2022-11-01 grades below Coinbase that day'. Without an argument, runs the bundled",
      "set (docs/backtest.md). Exit 0 when every expectation holds, 1 when one fails, 2 for bad"
          + " input."
    })
final class BacktestCommand implements Callable<Integer> {
  static final String BUNDLED = "/io/cexsafe/cli/backtest/";
  static final String CASES_FILE = "cases.jsonl";
  static final String EVIDENCE_DIR = "evidence";

  @Parameters(
      arity = "0..1",
      paramLabel = "<dir|cases.jsonl>",
      description =
          "A directory holding cases.jsonl (and evidence/<exchange>.json files), or a case file"
              + " (evidence/ beside it).")
  Path input;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Mixin CommonOptions common;

  @Mixin ScoringOptions scoring;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path scratch = null;
    try {
      String origin;
      String text;
      Path evidence;
      if (input == null) {
        origin = "bundled " + CASES_FILE;
        text = resource(CASES_FILE);
        scratch = Files.createTempDirectory("cexsafe-backtest");
        evidence = scratch;
      } else {
        Path casesFile = Files.isDirectory(input) ? input.resolve(CASES_FILE) : input;
        origin = casesFile.toString();
        text = readCases(casesFile);
        evidence = casesFile.toAbsolutePath().getParent().resolve(EVIDENCE_DIR);
      }
      List<BacktestCases.Spec> specs = BacktestCases.parse(text, origin);
      if (scratch != null) {
        copyBundledEvidence(specs, scratch);
      }
      List<Backtest.Case> cases = cases(specs, evidence);
      Backtest.Result result =
          Backtest.of(Scorer.of(scoring.methodology())).run(cases, expectations(specs));
      print(specs, cases, result);
      return result.passed() ? Main.OK : Main.FAILURE;
    } finally {
      if (scratch != null) {
        deleteQuietly(scratch);
      }
    }
  }

  private List<Backtest.Case> cases(List<BacktestCases.Spec> specs, Path evidenceDir) {
    DisclosuresCollector disclosures =
        Files.isDirectory(evidenceDir)
            ? DisclosuresCollector.builder()
                .includeBundled(false)
                .userDirectory(evidenceDir)
                .build()
            : null;
    EvidenceCollector defillama =
        specs.stream().anyMatch(BacktestCases.Spec::replay) ? defillama() : null;
    ExchangeCatalog catalog = common.catalog();
    List<Backtest.Case> cases = new ArrayList<>();
    for (BacktestCases.Spec spec : specs) {
      Exchange exchange = exchange(spec, catalog);
      Instant asOf = AssessCommand.parseAsOf(spec.date().toString());
      Assessor.Builder builder =
          Assessor.builder()
              .catalog(ExchangeCatalog.of(List.of(exchange)))
              .config(common.config())
              .asOf(asOf)
              .offline(!spec.replay());
      if (disclosures != null) {
        builder.collector(disclosures);
      }
      if (spec.replay()) {
        builder.collector(defillama);
      }
      EvidenceBundle bundle;
      try (Assessor assessor = builder.build()) {
        bundle = assessor.assess(exchange);
      }
      cases.add(
          new Backtest.Case(spec.id(), bundle, spec.role(), spec.event(), spec.description()));
    }
    return cases;
  }

  /** The catalogue's entry when there is one (a replay needs its DeFiLlama slug), else a stub. */
  private static Exchange exchange(BacktestCases.Spec spec, ExchangeCatalog catalog) {
    Exchange known = catalog.find(spec.exchangeId()).orElse(null);
    if (spec.defillamaSlug() == null) {
      return known != null ? known : Exchange.of(spec.exchangeId(), spec.name());
    }
    String name = known != null ? known.name() : spec.name();
    return new Exchange(
        spec.exchangeId(),
        name,
        null,
        List.of(),
        known != null ? known.ownTokens() : List.of(),
        List.of(),
        List.of(new ExchangeIdentifier("defillama.slug", spec.defillamaSlug(), null, null)));
  }

  private EvidenceCollector defillama() {
    CollectorRegistry registry =
        CollectorRegistry.builder()
            .config(common.config())
            .discover(BacktestCommand.class.getClassLoader())
            .build();
    return registry.collectors().stream()
        .filter(c -> c.id().equals("defillama"))
        .findFirst()
        .orElseThrow(
            () ->
                new BadInputException(
                    "a replay case needs the DeFiLlama collector, which is not installed or is"
                        + " disabled"));
  }

  private static List<Backtest.Expectation> expectations(List<BacktestCases.Spec> specs) {
    return specs.stream().flatMap(s -> s.expectations().stream()).toList();
  }

  private void print(
      List<BacktestCases.Spec> specs, List<Backtest.Case> caseList, Backtest.Result result) {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, BacktestCases.Spec> byId = new LinkedHashMap<>();
    specs.forEach(s -> byId.put(s.id(), s));
    if (format == OutputFormat.JSON) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("methodology", scoring.methodology().id());
      document.put("methodologyVersion", scoring.methodology().version());
      document.put("rulesVersion", Scorer.rulesVersion());
      document.put("passed", result.passed());
      List<Map<String, Object>> cases = new ArrayList<>();
      for (int i = 0; i < result.verdicts().size(); i++) {
        Backtest.Verdict verdict = result.verdicts().get(i);
        EvidenceBundle bundle = caseList.get(i).bundle();
        BacktestCases.Spec s = byId.get(verdict.caseId());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", verdict.caseId());
        entry.put("exchange", s.exchangeId());
        entry.put("date", s.date().toString());
        entry.put("role", verdict.role().id());
        entry.put("replay", s.replay());
        entry.put("grade", verdict.grade() == null ? "NR" : verdict.grade().name());
        entry.put("conservativeEstimate", verdict.conservativeEstimate());
        entry.put("confidence", verdict.scorecard().confidence());
        entry.put("flags", verdict.flags());
        entry.put("asOf", bundle.asOf().toString());
        entry.put(
            "collectors",
            bundle.outcomes().stream()
                .map(
                    o ->
                        o.collectorId()
                            + " "
                            + o.status().name().toLowerCase(Locale.ROOT)
                            + (o.message() == null ? "" : ": " + o.message()))
                .toList());
        entry.put(
            "evidence",
            bundle.evidence().stream()
                .map(
                    e ->
                        e.provenance().observedAt().toString().substring(0, 10)
                            + " "
                            + e.fact().summary())
                .toList());
        cases.add(entry);
      }
      document.put("cases", cases);
      List<Map<String, Object>> checks = new ArrayList<>();
      for (Backtest.Check check : result.checks()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("expectation", check.expectation().describe());
        entry.put("passed", check.passed());
        entry.put("detail", check.detail());
        if (check.expectation().why() != null) {
          entry.put("why", check.expectation().why());
        }
        checks.add(entry);
      }
      document.put("checks", checks);
      document.put("summary", result.summary());
      out.print(ReportEnvelope.of("backtest", Main.runId(spec), null).pretty(document));
      return;
    }
    int width =
        result.checks().stream().mapToInt(c -> c.expectation().describe().length()).max().orElse(0);
    for (Backtest.Check check : result.checks()) {
      out.println(
          (check.passed() ? "PASS  " : "FAIL  ")
              + pad(check.expectation().describe(), width)
              + "  "
              + check.detail());
    }
    out.println();
    Backtest.Summary summary = result.summary();
    summary.lines().forEach(out::println);
    out.println(
        String.format(
            Locale.ROOT,
            "%s (methodology %s %s, rules %s)",
            result.passed()
                ? "backtest passed"
                : "backtest FAILED: " + summary.failed() + " failing",
            scoring.methodology().id(),
            scoring.methodology().version(),
            Scorer.rulesVersion()));
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String readCases(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          Files.isDirectory(file.getParent() == null ? Path.of(".") : file.getParent())
                  && file.getFileName().toString().equals(CASES_FILE)
              ? "no " + CASES_FILE + " in " + file.getParent()
              : "not a readable case file: " + file);
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String resource(String name) {
    try (InputStream in = BacktestCommand.class.getResourceAsStream(BUNDLED + name)) {
      if (in == null) {
        throw new IllegalStateException("the bundled backtest is missing " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The disclosures collector reads a directory, so the bundled evidence is copied to one. */
  private static void copyBundledEvidence(List<BacktestCases.Spec> specs, Path target)
      throws IOException {
    Set<String> exchanges = new LinkedHashSet<>();
    specs.forEach(s -> exchanges.add(s.exchangeId()));
    for (String exchange : exchanges) {
      try (InputStream in =
          BacktestCommand.class.getResourceAsStream(
              BUNDLED + EVIDENCE_DIR + "/" + exchange + ".json")) {
        if (in != null) {
          Files.write(target.resolve(exchange + ".json"), in.readAllBytes());
        }
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
