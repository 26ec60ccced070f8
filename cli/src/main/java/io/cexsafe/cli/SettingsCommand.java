package io.cexsafe.cli;

import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.reports.TextTable;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists every setting core and the installed collectors declare. */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = {
      "List every setting: its key, type, default, owner, whether it is secret, and what it does.",
      "Give them with --set key=value, --config <file>, -Dcexsafe.<key> or CEXSAFE_<KEY>."
    })
final class SettingsCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "<format>",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SettingsTable table = SettingsTable.discover(SettingsCommand.class.getClassLoader());
    PrintWriter out = spec.commandLine().getOut();
    switch (format.toLowerCase(Locale.ROOT)) {
      case "json" ->
          out.print(
              ReportEnvelope.of("settings", Main.runId(spec), null)
                  .pretty(Map.of("settings", table.asMaps())));
      case "table" -> {
        TextTable text = new TextTable("KEY", "TYPE", "DEFAULT", "OWNER", "SECRET", "DOC");
        for (SettingsTable.Row row : table.rows()) {
          text.row(
              row.setting().key(),
              row.setting().type().name(),
              row.defaultText(),
              row.owner(),
              row.setting().secret() ? "yes" : "",
              row.setting().doc());
        }
        text.print(out);
      }
      default ->
          throw new BadInputException(
              "settings: unknown format '" + format + "'; use table or json");
    }
    return Main.OK;
  }
}
