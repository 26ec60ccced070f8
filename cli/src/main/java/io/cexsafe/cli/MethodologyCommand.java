package io.cexsafe.cli;

import io.cexsafe.Json;
import io.cexsafe.Pillar;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the pillars and their weights. */
@Command(
    name = "methodology",
    mixinStandardHelpOptions = true,
    description = "Print the pillars and their weights.")
final class MethodologyCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      List<Map<String, Object>> pillars = new ArrayList<>();
      for (Pillar pillar : Pillar.values()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("pillar", pillar.id());
        entry.put("name", pillar.displayName());
        entry.put("weight", pillar.defaultWeight());
        pillars.add(entry);
      }
      out.print(Json.writePretty(Map.of("pillars", pillars)));
      return Main.OK;
    }
    TextTable table = new TextTable("PILLAR", "ID", "WEIGHT");
    int total = 0;
    for (Pillar pillar : Pillar.values()) {
      table.row(pillar.displayName(), pillar.id(), String.valueOf(pillar.defaultWeight()));
      total += pillar.defaultWeight();
    }
    table.row("Total", "", String.valueOf(total));
    table.print(out);
    return Main.OK;
  }
}
