package io.cexsafe;

import io.cexsafe.internal.LimitedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The one way cexsafe opens a file it was given. A path is used only if it is a regular file after
 * following links: a directory, a FIFO, a device, a socket or a loop of symbolic links is refused
 * before anything is opened (so {@code /dev/zero} or a named pipe never hangs a run), and every
 * read stops at a documented size cap. Every refusal is an {@link InvalidInputException} naming the
 * file and, for size, the cap.
 *
 * <p>Caps (see docs/limits.md): {@link #MAX_DOCUMENT_BYTES} for JSON documents (settings,
 * catalogue, methodology, claims, account settings, programmes, disclosures); proofs and published
 * trees set their own.
 */
public final class InputFiles {
  /** Cap on a JSON document a user hands over: settings, catalogue, claim, disclosures… */
  public static final long MAX_DOCUMENT_BYTES = 16L << 20;

  /** Cap on the number of entries read from one input directory. */
  public static final int MAX_DIRECTORY_ENTRIES = 10_000;

  private InputFiles() {}

  /**
   * Checks that {@code file} is a regular file (links followed) and returns its attributes.
   *
   * @param file the file to inspect
   * @return its attributes
   * @throws InvalidInputException for a missing file, a directory, a FIFO, device or socket, a
   *     symbolic link loop, or a file that cannot be inspected
   */
  public static BasicFileAttributes requireRegularFile(Path file) {
    Objects.requireNonNull(file, "file");
    BasicFileAttributes attributes = attributes(file);
    if (attributes.isDirectory()) {
      throw new InvalidInputException(file.toString(), null, "is a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      throw new InvalidInputException(
          file.toString(), null, "not a regular file (a pipe, device or socket); give a file");
    }
    return attributes;
  }

  /**
   * Checks that {@code file} is a regular file of at most {@code maxBytes}.
   *
   * @param file the file to inspect
   * @param maxBytes the largest size accepted
   * @param raiseHint how to raise the cap (e.g. "raise it with --max-tree-size"), or null
   * @return its attributes
   * @throws InvalidInputException when it is not a regular file or is larger than the cap
   */
  public static BasicFileAttributes requireRegularFile(Path file, long maxBytes, String raiseHint) {
    BasicFileAttributes attributes = requireRegularFile(file);
    if (attributes.size() > maxBytes) {
      throw tooLarge(file.toString(), maxBytes, raiseHint);
    }
    return attributes;
  }

  /**
   * Reads a whole file of at most {@link #MAX_DOCUMENT_BYTES}.
   *
   * @param file the file to read
   * @return its bytes
   * @throws InvalidInputException when it is not a regular file, is too large or cannot be read
   */
  public static byte[] readAllBytes(Path file) {
    return readAllBytes(file, MAX_DOCUMENT_BYTES, null);
  }

  /**
   * Reads a whole regular file of at most {@code maxBytes} (checked before opening and while
   * reading, since a file may grow).
   *
   * @param file the file to read
   * @param maxBytes the largest size accepted
   * @param raiseHint how to raise the cap, or null
   * @return its bytes
   * @throws InvalidInputException when it is not a regular file, is too large or cannot be read
   */
  public static byte[] readAllBytes(Path file, long maxBytes, String raiseHint) {
    if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
    }
    requireRegularFile(file, maxBytes, raiseHint);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] content = in.readNBytes((int) maxBytes + 1);
      if (content.length > maxBytes) {
        throw tooLarge(file.toString(), maxBytes, raiseHint);
      }
      return content;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Reads a UTF-8 text file of at most {@link #MAX_DOCUMENT_BYTES}.
   *
   * @param file the file to read
   * @return its text
   * @throws InvalidInputException when it is not a regular file, is too large, cannot be read or is
   *     not valid UTF-8
   */
  public static String readString(Path file) {
    return readString(file, MAX_DOCUMENT_BYTES, null);
  }

  /**
   * Reads a UTF-8 text file of at most {@code maxBytes}; malformed UTF-8 is an error.
   *
   * @param file the file to read
   * @param maxBytes the largest size accepted
   * @param raiseHint how to raise the cap, or null
   * @return its text
   * @throws InvalidInputException when it is not a regular file, is too large, cannot be read or is
   *     not valid UTF-8
   */
  public static String readString(Path file, long maxBytes, String raiseHint) {
    byte[] bytes = readAllBytes(file, maxBytes, raiseHint);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file.toString(), null, "not UTF-8 text");
    }
  }

  /**
   * Opens a regular file for streaming; reading past {@code maxBytes} fails with an {@link
   * InputTooLargeException}. For files too large to hold in memory, such as published PoR trees.
   *
   * @param file the file to open
   * @param maxBytes the most that may be read
   * @param raiseHint how to raise the cap, or null
   * @return the stream, for the caller to close
   * @throws InvalidInputException when it is not a regular file, is already too large or cannot be
   *     opened
   */
  public static InputStream open(Path file, long maxBytes, String raiseHint) {
    requireRegularFile(file, maxBytes, raiseHint);
    try {
      return new LimitedInputStream(
          Files.newInputStream(file),
          maxBytes,
          () -> new InputTooLargeException(file.toString(), maxBytes, raiseHint));
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * The entries of a directory (links followed) that {@code filter} selects, sorted. Every selected
   * entry must be a regular file: a selected pipe, device, directory or link loop is an error,
   * never skipped, so that a user's file cannot vanish silently.
   *
   * @param directory the directory to list
   * @param filter selects the entries wanted, e.g. by file name
   * @return the selected files, sorted
   * @throws InvalidInputException when the directory cannot be listed or a selected entry is not a
   *     regular file
   */
  public static List<Path> listRegularFiles(Path directory, Predicate<Path> filter) {
    BasicFileAttributes attributes = attributes(directory);
    if (!attributes.isDirectory()) {
      throw new InvalidInputException(directory.toString(), null, "not a directory");
    }
    List<Path> selected = new ArrayList<>();
    int entries = 0;
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
      for (Path entry : listing) {
        if (++entries > MAX_DIRECTORY_ENTRIES) {
          throw new InvalidInputException(
              directory.toString(),
              null,
              "has more than " + MAX_DIRECTORY_ENTRIES + " entries; the limit is that many");
        }
        if (filter.test(entry)) {
          requireRegularFile(entry);
          selected.add(entry);
        }
      }
    } catch (NotDirectoryException e) {
      throw new InvalidInputException(directory.toString(), null, "not a directory");
    } catch (IOException e) {
      throw unreadable(directory, e);
    }
    selected.sort(null);
    return List.copyOf(selected);
  }

  /**
   * Parses a size such as {@code 1048576}, {@code 512M}, {@code 64G} or {@code 1T} (binary units,
   * case-insensitive, optional trailing {@code B} or {@code iB}).
   *
   * @param text the size as written
   * @return the size in bytes
   * @throws IllegalArgumentException naming the text when it is not a positive size
   */
  public static long parseSize(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,19})\\s*([KMGT]?)(I?B)?").matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a size: '" + text + "' (expected e.g. 1048576, 512M, 64G or 1T)");
    }
    int shift =
        switch (m.group(2)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          case "T" -> 40;
          default -> 0;
        };
    try {
      long number = Long.parseLong(m.group(1));
      if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a size: '" + text + "' (must be positive and below 8 EiB)");
    }
  }

  /**
   * Formats a size as people read it: {@code 16 MiB}, {@code 8 GiB}, {@code 512 bytes}.
   *
   * @param bytes the size in bytes
   * @return the size as text
   */
  public static String describeSize(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    long value = bytes;
    while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%d %s", value, units[unit]);
  }

  private static BasicFileAttributes attributes(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          path.toString(),
          null,
          Files.isSymbolicLink(path) ? "a symbolic link to nothing" : "file not found");
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  private static InvalidInputException unreadable(Path path, IOException e) {
    String problem;
    if (e instanceof AccessDeniedException) {
      problem = "permission denied";
    } else if (e instanceof FileSystemException fs
        && fs.getReason() != null
        && fs.getReason().toLowerCase(Locale.ROOT).contains("symbolic link")) {
      problem = "a loop of symbolic links";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      problem = "cannot read: " + fs.getReason();
    } else if (e instanceof NoSuchFileException) {
      problem = "file not found";
    } else {
      problem = "cannot read" + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return new InvalidInputException(path.toString(), null, problem, e);
  }

  private static InvalidInputException tooLarge(String source, long maxBytes, String raiseHint) {
    return new InvalidInputException(
        source,
        null,
        "larger than the limit of "
            + describeSize(maxBytes)
            + (raiseHint == null || raiseHint.isBlank() ? "" : "; " + raiseHint));
  }

  /**
   * Thrown by a stream from {@link #open} once more than its cap has been read. An {@link
   * IOException}, so stream consumers see it where they expect read failures; {@link
   * #toInvalidInput()} turns it into the user-facing error.
   */
  public static final class InputTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Names the input in the message. */
    private final String source;

    /** The cap that was exceeded, in bytes. */
    private final long maxBytes;

    /** How to raise the cap, or null. */
    private final String raiseHint;

    InputTooLargeException(String source, long maxBytes, String raiseHint) {
      super(source + ": larger than the limit of " + describeSize(maxBytes));
      this.source = source;
      this.maxBytes = maxBytes;
      this.raiseHint = raiseHint;
    }

    /** {@return the user-facing error: the input, its cap and how to raise it} */
    public InvalidInputException toInvalidInput() {
      return tooLarge(source, maxBytes, raiseHint);
    }
  }
}
