package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * {@link CommandModels}, the models built in code, must be what picocli builds by reflection over
 * the annotations: the committed source is what the generator writes today, and every command's
 * usage text, options, parameters and their attributes are the same either way.
 *
 * <p>To regenerate after changing a command's annotations: {@code ./mvnw -o -q -pl cli -am test
 * -Dtest=CommandModelsTest -Dsurefire.failIfNoSpecifiedTests=false -Dcexsafe.regenerate=true}, then
 * {@code ./mvnw -o -q spotless:apply -pl cli}.
 */
class CommandModelsTest {
  /** Arguments whose values picocli keeps per parse, or which are bound differently on purpose. */
  private static final Set<String> NOT_COMPARED =
      Set.of(
          "userObject", // the annotated Field, or nothing
          "annotatedElement",
          "getter", // FieldBinding by reflection, FieldAccess in code: both tested by behaviour
          "setter",
          "scope",
          "commandSpec", // the owner, compared through the command tree
          "messages",
          "group",
          "root",
          "typeInfo", // compared by type and auxiliary types below
          "converters", // compared by class below
          "completionCandidates", // compared by content below
          "preprocessor",
          "initialValue", // compared through initialValue() below (read lazily by reflection)
          "initialValueState",
          "hasInitialValue",
          "originalDefaultValue", // "no default" spelled differently; the generator rejects _NULL_
          "originalMapFallbackValue",
          "originalFallbackValue",
          "stringValues",
          "originalStringValues",
          "typedValues",
          "typedValueAtPosition",
          "valueIsDefaultValue",
          "builderCapacity");

  static Stream<String> subcommands() {
    return Main.SUBCOMMANDS.stream();
  }

  @Test
  void theCommittedModelsAreWhatTheGeneratorWritesFromTheAnnotations() throws IOException {
    String generated = CommandModelGenerator.generate();
    String committed =
        Files.exists(CommandModelGenerator.SOURCE)
            ? Files.readString(CommandModelGenerator.SOURCE)
            : "";
    if (withoutFormatting(generated).equals(withoutFormatting(committed))) {
      return;
    }
    if (Boolean.getBoolean("cexsafe.regenerate")) {
      Files.writeString(CommandModelGenerator.SOURCE, generated);
      return;
    }
    fail(
        "cli/src/main/java/io/cexsafe/cli/CommandModels.java is stale: a command's annotations"
            + " changed. Regenerate it: ./mvnw -o -q -pl cli -am test -Dtest=CommandModelsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dcexsafe.regenerate=true && ./mvnw -o -q"
            + " spotless:apply -pl cli");
  }

  @Test
  void theRootCommandIsTheSameModel() {
    CommandLine reflected = new CommandLine(new Main());
    CommandLine inCode = new CommandLine(CommandModels.root(new Main()));
    assertSameModel(reflected, inCode, "cexsafe");
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void everySubcommandIsTheSameModelWithTheSameUsage(String name) {
    CommandLine reflected = new CommandLine(new Main());
    reflected.addSubcommand(Main.newSubcommand(name));
    CommandLine inCode = new CommandLine(CommandModels.root(new Main()));
    inCode.addSubcommand(CommandModels.subcommand(name));
    assertSameModel(reflected, inCode, "cexsafe");
  }

  @Test
  void theModelsBindTheCommandsFields() {
    CommandLine commandLine =
        new CommandLine(CommandModels.root(new Main()))
            .addSubcommand(CommandModels.subcommand("assess"));
    CommandLine.ParseResult parsed =
        commandLine.parseArgs(
            "assess",
            "crypto-com",
            "okx",
            "--offline",
            "--top",
            "3",
            "--set",
            "a=b",
            "--set",
            "c=d",
            "--no-progress",
            "--store");
    AssessCommand assess = (AssessCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(assess.exchanges).containsExactly("crypto-com", "okx");
    assertThat(assess.offline).isTrue();
    assertThat(assess.selection.top).isEqualTo(3);
    assertThat(assess.common.settings).containsExactly("a=b", "c=d");
    assertThat(assess.progress).isFalse();
    assertThat(assess.store).isEmpty();
    assertThat(assess.spec).isSameAs(parsed.subcommand().commandSpec());

    // a second parse starts again from the initial values, as picocli's own binding does
    parsed = commandLine.parseArgs("assess", "binance");
    assess = (AssessCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(assess.exchanges).containsExactly("binance");
    assertThat(assess.offline).isFalse();
    assertThat(assess.selection.top).isNull();
    assertThat(assess.common.settings).isEmpty();
    assertThat(assess.progress).isNull();
    assertThat(assess.store).isNull();
  }

  @Test
  void theStalenessCheckIgnoresFormattingButNotText() {
    String source = "/** A\n * b. */\nclass A {\n  String s = \"x  y\"; // c\n}\n";
    assertThat(withoutFormatting(source))
        .isEqualTo(withoutFormatting("/** A b. */ class A { String s =\n      \"x  y\"; }"))
        .isNotEqualTo(withoutFormatting(source.replace("x  y", "x y")))
        .isNotEqualTo(withoutFormatting(source.replace("String s", "String t")));
  }

  @Test
  void anUnknownSubcommandIsABug() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandModels.subcommand("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  private static void assertSameModel(CommandLine reflected, CommandLine inCode, String path) {
    CommandSpec expected = reflected.getCommandSpec();
    CommandSpec actual = inCode.getCommandSpec();
    assertThat(actual.name()).as(path).isEqualTo(expected.name());
    assertThat(actual.aliases()).as(path).containsExactly(expected.aliases());
    assertThat(actual.qualifiedName()).as(path).isEqualTo(expected.qualifiedName());
    assertThat(actual.mixinStandardHelpOptions())
        .as(path)
        .isEqualTo(expected.mixinStandardHelpOptions());
    assertThat(actual.mixins().keySet()).as(path).isEqualTo(expected.mixins().keySet());
    assertThat(actual.version()).as(path).containsExactly(expected.version());
    assertThat(usage(inCode)).as(path + " usage").isEqualTo(usage(reflected));
    assertThat(names(actual.options())).as(path).isEqualTo(names(expected.options()));
    assertThat(actual.positionalParameters())
        .as(path)
        .hasSameSizeAs(expected.positionalParameters());
    assertThat(actual.args()).as(path).hasSameSizeAs(expected.args());
    for (int i = 0; i < expected.args().size(); i++) {
      assertSameArg(expected.args().get(i), actual.args().get(i), path);
    }
    assertThat(actual.subcommands().keySet()).as(path).isEqualTo(expected.subcommands().keySet());
    for (Map.Entry<String, CommandLine> entry : expected.subcommands().entrySet()) {
      assertSameModel(
          entry.getValue(), actual.subcommands().get(entry.getKey()), path + " " + entry.getKey());
    }
  }

  private static void assertSameArg(ArgSpec expected, ArgSpec actual, String path) {
    String where = path + " " + expected;
    assertThat(actual.getClass()).as(where).isEqualTo(expected.getClass());
    List<Class<?>> types = new ArrayList<>(List.of(ArgSpec.class));
    types.add(expected instanceof OptionSpec ? OptionSpec.class : PositionalParamSpec.class);
    for (Class<?> type : types) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || NOT_COMPARED.contains(field.getName())) {
          continue;
        }
        Object want = CommandModelGenerator.raw(expected, type, field.getName());
        Object got = CommandModelGenerator.raw(actual, type, field.getName());
        assertThat(comparable(got)).as(where + " " + field.getName()).isEqualTo(comparable(want));
      }
    }
    assertThat(actual.type()).as(where).isEqualTo(expected.type());
    assertThat(actual.auxiliaryTypes()).as(where).containsExactly(expected.auxiliaryTypes());
    assertThat(actual.typeInfo().isMultiValue()).isEqualTo(expected.typeInfo().isMultiValue());
    assertThat(actual.typeInfo().isBoolean()).isEqualTo(expected.typeInfo().isBoolean());
    assertThat(actual.typeInfo().isEnum()).isEqualTo(expected.typeInfo().isEnum());
    assertThat(Arrays.stream(actual.converters()).map(Object::getClass))
        .as(where)
        .containsExactlyElementsOf(
            Arrays.stream(expected.converters()).map(Object::getClass).toList());
    assertThat(candidates(actual)).as(where).isEqualTo(candidates(expected));
    assertThat(actual.preprocessor().getClass()).isEqualTo(expected.preprocessor().getClass());
    assertThat(actual.hasInitialValue()).as(where).isEqualTo(expected.hasInitialValue());
    assertThat(actual.initialValue()).as(where).isEqualTo(expected.initialValue());
    assertThat(actual.defaultValue()).as(where).isEqualTo(expected.defaultValue());
    assertThat(actual.required()).as(where).isEqualTo(expected.required());
    assertThat(actual.arity()).as(where).isEqualTo(expected.arity());
    assertThat(actual.paramLabel()).as(where).isEqualTo(expected.paramLabel());
    assertThat(actual.description()).as(where).containsExactly(expected.description());
    if (expected instanceof OptionSpec option) {
      assertThat(((OptionSpec) actual).names()).as(where).containsExactly(option.names());
      assertThat(((OptionSpec) actual).negatable()).as(where).isEqualTo(option.negatable());
      assertThat(((OptionSpec) actual).fallbackValue()).as(where).isEqualTo(option.fallbackValue());
    } else {
      assertThat(((PositionalParamSpec) actual).index())
          .as(where)
          .isEqualTo(((PositionalParamSpec) expected).index());
    }
  }

  private static Object comparable(Object value) {
    if (value instanceof Object[] array) {
      return Arrays.asList(array);
    }
    if (value instanceof Range range) {
      return range + "/" + range.isUnspecified() + "/" + range.originalValue();
    }
    return value;
  }

  private static List<String> candidates(ArgSpec arg) {
    if (arg.completionCandidates() == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    arg.completionCandidates().forEach(values::add);
    return values;
  }

  private static List<List<String>> names(List<OptionSpec> options) {
    return options.stream().map(o -> List.of(o.names())).toList();
  }

  private static String usage(CommandLine commandLine) {
    return commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /**
   * Source text without whitespace outside string literals: formatting may change, nothing else.
   */
  static String withoutFormatting(String source) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(source.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (source.startsWith("/*", i)) {
        i = source.indexOf("*/", i + 2) + 1; // comments are reflowed
      } else if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
