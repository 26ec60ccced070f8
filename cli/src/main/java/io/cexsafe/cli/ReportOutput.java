package io.cexsafe.cli;

import io.cexsafe.reports.ReportFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The --format and --output options of the report commands. */
public final class ReportOutput {
  @Option(
      names = "--format",
      paramLabel = "<format>",
      defaultValue = "table",
      description =
          "table, json, jsonl (one line per exchange), csv (one row per exchange and pillar), md"
              + " or html (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description = "Write the report to this file (UTF-8) instead of stdout.")
  Path output;

  /** Hands the report writer to {@code write}: the file from --output, or stdout. */
  void write(PrintWriter stdout, Consumer<Writer> write) {
    if (output == null) {
      write.accept(stdout);
      stdout.flush();
      return;
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new BadInputException("cannot write " + output + ": no such directory " + parent);
    }
    try (BufferedWriter file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      write.accept(file);
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException("cannot write " + output + ": " + e.getMessage());
    }
  }
}
