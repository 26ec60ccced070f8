package io.cexsafe.cli;

import io.cexsafe.ConfigurationException;
import io.cexsafe.reports.ReportKind;
import io.cexsafe.reports.ReportRenderer;
import io.cexsafe.reports.ReportRenderers;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The --format and --output options of the report commands. --format takes the id of any report
 * renderer: the built-in ones and those a plugin on the class path registers in {@code
 * META-INF/services/io.cexsafe.reports.ReportRenderer}. A report goes to a temporary file in the
 * target's directory that replaces the target only once complete, so a failed render, a full disk
 * or a crash never destroys the previous file.
 */
public final class ReportOutput {
  private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");

  private static final String DEFAULT_FORMAT = "table";

  private static final String KEPT = " (any previous file is unchanged)";

  @Option(
      names = "--format",
      paramLabel = "<format>",
      converter = RendererConverter.class,
      completionCandidates = FormatIds.class,
      description =
          "${COMPLETION-CANDIDATES} (default: "
              + DEFAULT_FORMAT
              + "); jsonl writes one line per exchange, csv one row per exchange and pillar.")
  // null until given: with no default to convert, --help still works when a plugin is broken
  ReportRenderer format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description =
          "Write the report to this file (UTF-8) instead of stdout; it is replaced only once the"
              + " report is complete.")
  Path output;

  /** The chosen renderer, once it is known to render {@code kind}. */
  ReportRenderer renderer(ReportKind kind) {
    ReportRenderer chosen = format != null ? format : renderers().find(DEFAULT_FORMAT);
    if (!chosen.kinds().contains(kind)) {
      throw new BadInputException(
          "report format '"
              + chosen.id()
              + "' cannot render "
              + (kind == ReportKind.COMPARISON ? "a comparison" : "assessments")
              + "; formats that can: "
              + String.join(", ", renderers().idsRendering(kind)));
    }
    return chosen;
  }

  /** The report formats on the class path, discovered afresh so that tests can swap loaders. */
  static ReportRenderers renderers() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return ReportRenderers.discover(loader != null ? loader : ReportOutput.class.getClassLoader());
  }

  /** Turns a --format id into its renderer; unknown ids and broken plugins are usage errors. */
  static final class RendererConverter implements ITypeConverter<ReportRenderer> {
    @Override
    public ReportRenderer convert(String id) {
      try {
        return renderers().find(id);
      } catch (ConfigurationException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * The --format ids for the help text. Help must still print when a plugin is broken (running a
   * report then says what is wrong), so it then lists the built-in formats.
   */
  static final class FormatIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      try {
        return renderers().ids().iterator();
      } catch (ConfigurationException e) {
        return ReportRenderers.builtIn().ids().iterator();
      }
    }
  }

  /** Hands the report writer to {@code write}: the file from --output, or stdout. */
  void write(PrintWriter stdout, Consumer<Writer> write) {
    if (output == null) {
      write.accept(stdout);
      stdout.flush(); // Main turns a write error on stdout into a non-zero exit
      return;
    }
    Path target = resolveLink(output.toAbsolutePath());
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new BadInputException("cannot write " + output + ": no such directory " + parent);
    }
    if (Files.isDirectory(target)) {
      throw new BadInputException("cannot write " + output + ": it is a directory");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      // a device or pipe (/dev/stdout, a named pipe): nothing to replace, write straight to it
      writeTo(target, write, "");
      return;
    }
    Path temporary;
    try {
      temporary = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      throw failed(e, "cannot create a file in " + parent + ": ", KEPT);
    }
    boolean moved = false;
    try {
      writeTo(temporary, write, KEPT);
      applyPermissions(temporary, target);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } catch (IOException e) {
      throw failed(e, "", KEPT);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the temporary file is hidden and named after the target; nothing more to do
        }
      }
    }
  }

  private void writeTo(Path file, Consumer<Writer> write, String suffix) {
    try (ErrorKeepingWriter writer =
        new ErrorKeepingWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      write.accept(writer);
      writer.flush();
      writer.rethrow();
    } catch (IOException | UncheckedIOException e) {
      throw failed(e instanceof UncheckedIOException u ? u.getCause() : e, "", suffix);
    }
  }

  private OutputFailedException failed(Throwable e, String context, String suffix) {
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof FileSystemException fs) {
      reason = fs.getReason() != null ? fs.getReason() : "the file system refused";
    } else {
      reason = e.getMessage() == null ? "write failed" : e.getMessage();
    }
    return new OutputFailedException(
        "cannot write " + output + ": " + context + reason + suffix, e);
  }

  private static Path resolveLink(Path path) {
    try {
      return Files.isSymbolicLink(path) && Files.exists(path) ? path.toRealPath() : path;
    } catch (IOException e) {
      return path;
    }
  }

  private static void applyPermissions(Path temporary, Path target) throws IOException {
    if (!Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
            : NEW_FILE_PERMISSIONS;
    Files.setPosixFilePermissions(temporary, permissions);
  }

  /**
   * Remembers the first write error: renderers that wrap the writer in a {@link PrintWriter} would
   * otherwise swallow it and a truncated report would count as written.
   */
  private static final class ErrorKeepingWriter extends FilterWriter {
    private IOException failure;

    ErrorKeepingWriter(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      guard(() -> super.write(c));
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      guard(() -> super.write(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      guard(() -> super.write(text, offset, length));
    }

    @Override
    public void flush() throws IOException {
      guard(super::flush);
    }

    void rethrow() throws IOException {
      if (failure != null) {
        throw failure;
      }
    }

    private void guard(IoAction action) throws IOException {
      try {
        action.run();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
    }

    @FunctionalInterface
    private interface IoAction {
      void run() throws IOException;
    }
  }
}
