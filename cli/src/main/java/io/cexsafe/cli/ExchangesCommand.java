package io.cexsafe.cli;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.reports.TextTable;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the exchange catalogue. */
@Command(
    name = "exchanges",
    mixinStandardHelpOptions = true,
    description = "List the exchanges in the catalogue.")
final class ExchangesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    common.config(); // validates --config and --set even though listing needs no setting
    ExchangeCatalog catalog = common.catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.print(
          ReportEnvelope.of("exchanges", Main.runId(spec), null)
              .pretty(Map.of("exchanges", catalog.all())));
      return Main.OK;
    }
    TextTable table = new TextTable("ID", "NAME", "ENTITIES", "IDENTIFIERS");
    for (Exchange exchange : catalog.all()) {
      table.row(
          exchange.id(),
          exchange.name(),
          String.valueOf(exchange.entities().size()),
          String.join(
              ", ",
              exchange.identifiers().stream().map(i -> i.scheme()).distinct().sorted().toList()));
    }
    table.print(out);
    return Main.OK;
  }
}
