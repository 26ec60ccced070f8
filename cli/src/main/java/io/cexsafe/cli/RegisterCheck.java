package io.cexsafe.cli;

import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.RunId;
import io.cexsafe.collectors.regulators.LicenceView;
import io.cexsafe.collectors.regulators.RegulatorsCollectorProvider;
import io.cexsafe.reports.TextTable;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.spi.EvidenceCollector;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.List;

/** Runs the regulators collector alone, for the licence commands. */
final class RegisterCheck {
  static final String OFFLINE_MESSAGE =
      "registers cannot be checked offline: licences are only verified against the live registers"
          + " (FCA, ESMA, FinCEN, VARA, AUSTRAC, MAS, FINTRAC); below are the catalogue's unverified"
          + " claims";

  private RegisterCheck() {}

  static List<EvidenceBundle> run(
      RunId runId, Config config, ExchangeCatalog catalog, List<Exchange> exchanges) {
    EvidenceCollector collector =
        CollectorRegistry.builder()
            .config(config)
            .register(new RegulatorsCollectorProvider())
            .build()
            .collectors()
            .get(0);
    try (Assessor assessor =
        Assessor.builder()
            .runId(runId)
            .catalog(catalog)
            .collector(collector)
            .config(config)
            .build()) {
      return assessor.assessAll(exchanges);
    }
  }

  /**
   * Prints collector outcomes that were not clean, so "no licence" is never mistaken for "not
   * checked".
   */
  static void printOutcomes(PrintWriter out, List<EvidenceBundle> bundles) {
    for (EvidenceBundle bundle : bundles) {
      for (CollectorOutcome outcome : bundle.outcomes()) {
        if (outcome.status() == OutcomeStatus.OK) {
          continue;
        }
        out.println(
            "  "
                + bundle.exchangeId()
                + ": "
                + outcome.status().id()
                + " ("
                + outcome.reason().id()
                + ")"
                + (outcome.message() == null ? "" : ": " + outcome.message()));
        if (outcome.problems().size() > 1) {
          outcome.problems().forEach(p -> out.println("      " + p.message()));
        }
      }
    }
  }

  /** True when at least one register answered (fully or in part). */
  static boolean anyChecked(List<LicenceView.RegisterCoverage> coverage) {
    return coverage.stream()
        .anyMatch(
            c ->
                c.state() == LicenceView.RegisterState.CHECKED
                    || c.state() == LicenceView.RegisterState.PARTLY_CHECKED);
  }

  /** Which registers answered, which failed and which were not asked, one line each. */
  static void printCoverage(
      PrintWriter out, List<LicenceView.RegisterCoverage> coverage, boolean withExchange) {
    if (coverage.isEmpty()) {
      out.println("Registers: none applies (the catalogue gives no identifier or entity to check)");
      return;
    }
    out.println("Registers:");
    TextTable table =
        withExchange
            ? new TextTable("EXCHANGE", "REGISTER", "WHERE", "STATE", "DETAIL")
            : new TextTable("REGISTER", "WHERE", "STATE", "DETAIL");
    for (LicenceView.RegisterCoverage c : coverage) {
      String detail = c.detail() == null ? "" : c.detail();
      if (withExchange) {
        table.row(c.exchangeId(), c.register(), c.jurisdiction(), c.state().word(), detail);
      } else {
        table.row(c.register(), c.jurisdiction(), c.state().word(), detail);
      }
    }
    table.print(out, "  ");
  }

  static void printRows(PrintWriter out, List<LicenceView.Row> rows, boolean withExchange) {
    TextTable table =
        withExchange
            ? new TextTable(
                "EXCHANGE",
                "COUNTRY",
                "REGULATOR",
                "ENTITY",
                "IDENTIFIER",
                "STATUS",
                "MATCH",
                "SINCE")
            : new TextTable(
                "COUNTRY", "REGULATOR", "ENTITY", "IDENTIFIER", "STATUS", "MATCH", "SINCE");
    for (LicenceView.Row r : rows) {
      String status =
          LicenceView.statusWord(r)
              + (r.passport() ? " (MiCA passport)" : "")
              + (r.contradictsClaim() ? " (CLAIM CONTRADICTED)" : "");
      String match =
          r.matchBasis().name().toLowerCase(java.util.Locale.ROOT)
              + (r.matchBasis().name().equals("NAME") ? " only" : "");
      String since = r.authorisedSince() == null ? "" : r.authorisedSince().toString();
      String id = r.identifier() == null ? "" : r.identifier();
      if (withExchange) {
        table.row(
            r.exchangeId(), r.jurisdiction(), r.regulator(), r.entity(), id, status, match, since);
      } else {
        table.row(r.jurisdiction(), r.regulator(), r.entity(), id, status, match, since);
      }
    }
    table.print(out, "  ");
  }

  static String asOf(EvidenceBundle bundle) {
    return bundle.asOf().atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
