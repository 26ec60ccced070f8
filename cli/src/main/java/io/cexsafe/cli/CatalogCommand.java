package io.cexsafe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Commands about the exchange catalogue itself. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Work on the exchange catalogue: propose new entries and identifier updates.",
    subcommands = {DiscoverCommand.class, CommandLine.HelpCommand.class})
final class CatalogCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }
}
