package io.cexsafe.cli;

import io.cexsafe.Pillar;
import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.reports.TextTable;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.Persona;
import io.cexsafe.scoring.RuleInfo;
import io.cexsafe.scoring.Scorer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the methodology: pillar weights and, on request, every rule with its points. */
@Command(
    name = "methodology",
    mixinStandardHelpOptions = true,
    description = {
      "Print the methodology's pillars and weights (the default, a persona's or a file's).",
      "--rules adds every rule with its points; docs/methodology.md explains them."
    })
final class MethodologyCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--rules", description = "Also list every rule with its points.")
  boolean rules;

  @Mixin ScoringOptions scoring;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Methodology methodology = scoring.methodology();
    Persona persona = scoring.persona();
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("id", methodology.id());
      document.put("version", methodology.version());
      document.put("title", methodology.title());
      document.put("rulesVersion", Scorer.rulesVersion());
      List<Map<String, Object>> pillars = new ArrayList<>();
      for (Pillar pillar : Pillar.values()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("pillar", pillar.id());
        entry.put("name", pillar.displayName());
        entry.put("weight", methodology.weight(pillar));
        pillars.add(entry);
      }
      document.put("pillars", pillars);
      if (persona != null) {
        document.put("rationale", persona.rationale());
        document.put("highlights", persona.highlights());
      }
      if (rules) {
        document.put("rules", Scorer.rules());
      }
      out.print(ReportEnvelope.of("methodology", Main.runId(spec), null).pretty(document));
      return Main.OK;
    }
    out.println(
        methodology.title()
            + " ("
            + methodology.id()
            + " "
            + methodology.version()
            + ", methodology "
            + Scorer.rulesVersion()
            + ")");
    if (persona != null) {
      out.println(persona.rationale());
    }
    out.println();
    TextTable table = new TextTable("PILLAR", "ID", "WEIGHT");
    double total = 0;
    for (Pillar pillar : Pillar.values()) {
      table.row(pillar.displayName(), pillar.id(), weight(methodology.weight(pillar)));
      total += methodology.weight(pillar);
    }
    table.row("Total", "", weight(total));
    table.print(out);
    if (rules) {
      out.println();
      TextTable ruleTable = new TextTable("PILLAR", "RULE", "POINTS", "TITLE");
      for (RuleInfo rule : Scorer.rules()) {
        ruleTable.row(rule.pillar().id(), rule.id(), weight(rule.maxPoints()), rule.title());
      }
      ruleTable.print(out);
    }
    return Main.OK;
  }

  private static String weight(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.valueOf(value);
  }
}
