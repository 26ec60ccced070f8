package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.por.ProofCollector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The user's own inclusion proofs, verified during the run and counted as Proof-of-Reserves
 * evidence; they become the proof collector's settings.
 */
final class ProofOptions {
  private static final Set<String> SETTING_KINDS = Set.of("proof", "tree", "format", "snapshot");

  @Option(
      names = "--proof",
      paramLabel = "<exchange>=<file>",
      description =
          "Your own inclusion proof for an exchange: verified during the run and counted as"
              + " Proof-of-Reserves evidence (repeatable). The format is detected; see 'cexsafe"
              + " por formats'.")
  List<String> proofs = new ArrayList<>();

  @Option(
      names = "--proof-tree",
      paramLabel = "<exchange>=<file>",
      completionCandidates = TreeFormatIds.class,
      description = "The published tree that goes with that proof (${COMPLETION-CANDIDATES}).")
  List<String> trees = new ArrayList<>();

  @Option(
      names = "--proof-date",
      paramLabel = "<exchange>=<date>",
      description =
          "The snapshot date of that proof (YYYY-MM-DD); without it the file's date stands in.")
  List<String> dates = new ArrayList<>();

  /**
   * The proof collector's settings, with exchange names resolved to the assessed exchanges.
   *
   * @param asOf the assessment date, or null for now
   */
  Map<String, String> settings(ExchangeCatalog catalog, List<Exchange> assessed, Instant asOf) {
    Map<String, String> settings = new LinkedHashMap<>();
    add(settings, "--proof", "proof", proofs, catalog, assessed);
    add(settings, "--proof-tree", "tree", trees, catalog, assessed);
    LocalDate assessment = LocalDate.ofInstant(asOf != null ? asOf : Instant.now(), ZoneOffset.UTC);
    Map<String, String> snapshots =
        add(settings, "--proof-date", "snapshot", dates, catalog, assessed);
    snapshots.forEach(
        (exchangeId, text) -> {
          LocalDate date = AssessCommand.parseDate("--proof-date " + exchangeId, text);
          if (date.isAfter(assessment)) {
            throw new BadInputException(
                "--proof-date "
                    + exchangeId
                    + ": "
                    + date
                    + " is after the assessment date "
                    + assessment);
          }
        });
    return settings;
  }

  /**
   * Settings given another way ({@code --set}, {@code --config}, {@code -Dcexsafe.*}) must name
   * assessed exchanges by id too, or they would be silently unused.
   */
  static void checkSettings(Config config, ExchangeCatalog catalog, List<Exchange> assessed) {
    Set<String> ids = assessed.stream().map(Exchange::id).collect(Collectors.toSet());
    String prefix = ProofCollector.ID + ".";
    for (String key : config.describe().keySet()) {
      if (!key.startsWith(prefix)) {
        continue;
      }
      String rest = key.substring(prefix.length());
      int dot = rest.indexOf('.');
      if (dot < 0 || !SETTING_KINDS.contains(rest.substring(0, dot))) {
        continue; // the collector itself rejects malformed keys
      }
      String exchange = rest.substring(dot + 1);
      if (!ids.contains(exchange)) {
        String hint =
            catalog
                .find(exchange)
                .filter(assessed::contains)
                .map(
                    found ->
                        "; settings use the id: "
                            + prefix
                            + rest.substring(0, dot + 1)
                            + found.id())
                .orElse(" (not an exchange being assessed)");
        throw new BadInputException("setting " + key + " names " + exchange + hint);
      }
    }
  }

  /** Adds {@code exchange=value} options; returns them by exchange id. */
  private static Map<String, String> add(
      Map<String, String> settings,
      String option,
      String kind,
      List<String> assignments,
      ExchangeCatalog catalog,
      List<Exchange> assessed) {
    Map<String, String> byExchange = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0 || equals == assignment.length() - 1) {
        throw new BadInputException(
            option + ": expected <exchange>=<value>, not '" + assignment + "'");
      }
      String name = assignment.substring(0, equals).trim();
      String value = assignment.substring(equals + 1);
      Exchange exchange =
          catalog
              .find(name)
              .orElseThrow(
                  () -> new BadInputException(option + ": unknown exchange '" + name + "'"));
      if (!assessed.contains(exchange)) {
        throw new BadInputException(
            option + " names " + exchange.id() + ", which is not being assessed");
      }
      if (byExchange.putIfAbsent(exchange.id(), value) != null) {
        throw new BadInputException(option + " is given twice for " + exchange.id());
      }
      settings.put(ProofCollector.ID + "." + kind + "." + exchange.id(), value);
    }
    return byExchange;
  }
}
