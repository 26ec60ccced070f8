package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A command line naming a subcommand builds only that subcommand's model; everything it prints must
 * be what the model with every subcommand prints.
 */
class SubcommandModelTest {
  private static final PrintWriter NOWHERE = new PrintWriter(new StringWriter());

  record Result(int code, String out, String err) {}

  /** Runs {@code args} through Main's own choice of model. */
  private static Result chosen(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, withoutRunId(out.toString()), err.toString());
  }

  /** Runs {@code args} through the model with every subcommand. */
  private static Result full(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    int code = Main.commandLine(outWriter, errWriter).execute(args);
    outWriter.flush();
    return new Result(code, withoutRunId(out.toString()), err.toString());
  }

  private static Map<String, CommandLine> fullModel() {
    return Main.commandLine(NOWHERE, NOWHERE).getSubcommands();
  }

  @Test
  void aCommandLineNamingASubcommandBuildsOnlyThatOne() {
    assertThat(Main.commandLine(NOWHERE, NOWHERE, "assess", "crypto-com").getSubcommands())
        .containsOnlyKeys("assess");
    assertThat(Main.commandLine(NOWHERE, NOWHERE, "por", "verify").getSubcommands())
        .containsOnlyKeys("por");
  }

  @Test
  void everyNameAndAliasOfTheFullModelSelectsItsSubcommandAlone() {
    List<String> names = new ArrayList<>();
    fullModel()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help")) {
                names.add(name);
              }
            });
    assertThat(names).contains("licences", "licenses", "assess", "por");
    for (String name : names) {
      CommandLine root = Main.commandLine(NOWHERE, NOWHERE, name);
      // keyed by name and by alias: one command either way
      assertThat(root.getSubcommands().values().stream().distinct()).as(name).hasSize(1);
      assertThat(root.getSubcommands().get(name)).as(name).isNotNull();
    }
  }

  @Test
  void helpAnOptionOrAnUnknownWordGetsEverySubcommand() {
    int all = fullModel().size();
    assertThat(Main.commandLine(NOWHERE, NOWHERE).getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(NOWHERE, NOWHERE, "help", "assess").getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(NOWHERE, NOWHERE, "--help").getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(NOWHERE, NOWHERE, "asess").getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(NOWHERE, NOWHERE, "ASSESS").getSubcommands()).hasSize(all);
  }

  @Test
  void everySubcommandsHelpIsTheSameAloneAsInTheFullModel() {
    fullModel()
        .forEach(
            (name, sub) -> {
              if (name.equals("help")) {
                return;
              }
              CommandLine alone =
                  Main.commandLine(NOWHERE, NOWHERE, name).getSubcommands().get(name);
              assertThat(alone.getUsageMessage()).as(name).isEqualTo(sub.getUsageMessage());
              sub.getSubcommands()
                  .forEach(
                      (nested, nestedSub) ->
                          assertThat(alone.getSubcommands().get(nested).getUsageMessage())
                              .as(name + " " + nested)
                              .isEqualTo(nestedSub.getUsageMessage()));
            });
  }

  static Stream<Arguments> commandLines() {
    return Stream.of(
        Arguments.of((Object) new String[] {"assess", "--help"}),
        Arguments.of((Object) new String[] {"assess"}),
        Arguments.of((Object) new String[] {"assess", "crypto-com", "--bogus"}),
        Arguments.of((Object) new String[] {"assess", "crypto-com", "--ofline"}),
        Arguments.of((Object) new String[] {"assess", "crypto-com", "--format", "nope"}),
        Arguments.of((Object) new String[] {"assess", "crypto-com", "--as-of", "yesterday"}),
        Arguments.of((Object) new String[] {"exchanges", "extra"}),
        Arguments.of((Object) new String[] {"exchanges", "--format", "JSON"}),
        Arguments.of((Object) new String[] {"methodology", "--version"}),
        Arguments.of((Object) new String[] {"por"}),
        Arguments.of((Object) new String[] {"por", "verfy"}),
        Arguments.of((Object) new String[] {"por", "verify", "--help"}),
        Arguments.of((Object) new String[] {"licenses", "--help"}),
        Arguments.of((Object) new String[] {"compare", "crypto-com"}),
        Arguments.of((Object) new String[] {"settings", "--nope"}),
        Arguments.of((Object) new String[] {"backtest", "--help"}));
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void outputAndExitCodeAreThoseOfTheFullModel(String[] args) {
    Result alone = chosen(args);
    Result all = full(args);
    assertThat(alone).as(String.join(" ", args)).isEqualTo(all);
  }

  @Test
  void aMistypedSubcommandIsStillSuggestedFromEveryName() {
    Result result = chosen("asess", "crypto-com");
    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("assess");
    assertThat(result).isEqualTo(full("asess", "crypto-com"));
  }

  /** Every invocation has a run id of its own; outputs are compared without it. */
  private static String withoutRunId(String output) {
    return output.replaceAll("\"runId\"\\s*:\\s*\"[^\"]*\"", "\"runId\":\"(run id)\"");
  }
}
