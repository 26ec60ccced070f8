package io.cexsafe.cli;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.por.ProofCollector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The user's own inclusion proofs, verified during the run and counted as Proof-of-Reserves
 * evidence; they become the proof collector's settings.
 */
final class ProofOptions {
  @Option(
      names = "--proof",
      paramLabel = "<exchange>=<file>",
      description =
          "Your own inclusion proof for an exchange: verified during the run and counted as"
              + " Proof-of-Reserves evidence (repeatable). The format is detected; see 'cexsafe"
              + " por formats'.")
  Map<String, Path> proofs = new LinkedHashMap<>();

  @Option(
      names = "--proof-tree",
      paramLabel = "<exchange>=<file>",
      description = "The published full tree that goes with that proof (okx-v2, bitmex).")
  Map<String, Path> trees = new LinkedHashMap<>();

  @Option(
      names = "--proof-date",
      paramLabel = "<exchange>=<date>",
      description =
          "The snapshot date of that proof (YYYY-MM-DD); without it the file's date stands in.")
  Map<String, String> dates = new LinkedHashMap<>();

  /** The proof collector's settings, with exchange names resolved to the assessed exchanges. */
  Map<String, String> settings(ExchangeCatalog catalog, List<Exchange> assessed) {
    Map<String, String> settings = new LinkedHashMap<>();
    add(settings, "--proof", "proof", proofs, catalog, assessed);
    add(settings, "--proof-tree", "tree", trees, catalog, assessed);
    dates.forEach(
        (name, date) -> {
          try {
            LocalDate.parse(date.trim());
          } catch (DateTimeParseException e) {
            throw new BadInputException(
                "--proof-date "
                    + name
                    + ": expected a date such as 2023-04-01, not '"
                    + date
                    + "'");
          }
        });
    add(settings, "--proof-date", "snapshot", dates, catalog, assessed);
    return settings;
  }

  private static void add(
      Map<String, String> settings,
      String option,
      String kind,
      Map<String, ?> values,
      ExchangeCatalog catalog,
      List<Exchange> assessed) {
    values.forEach(
        (name, value) -> {
          Exchange exchange =
              catalog
                  .find(name)
                  .orElseThrow(
                      () -> new BadInputException(option + ": unknown exchange '" + name + "'"));
          if (!assessed.contains(exchange)) {
            throw new BadInputException(
                option + " names " + exchange.id() + ", which is not being assessed");
          }
          settings.put(ProofCollector.ID + "." + kind + "." + exchange.id(), value.toString());
        });
  }
}
