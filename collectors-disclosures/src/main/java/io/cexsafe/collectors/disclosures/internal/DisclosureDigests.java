package io.cexsafe.collectors.disclosures.internal;

import io.cexsafe.InvalidInputException;
import io.cexsafe.internal.RecordDigest;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * The bundled disclosure files in the form start-up reads: for each {@code <exchange-id>.json} the
 * build writes {@code <exchange-id>.digest} beside it ({@link #main}), the file parsed with its
 * full validation, so that a command reads the one exchange it needs without Jackson's data
 * binding. The JSON files stay the reviewed source; a digest that does not match the JSON beside it
 * is an error ({@link RecordDigest}), never silently used.
 */
public final class DisclosureDigests {
  /** The suffix of a digest, beside its {@code .json} source. */
  public static final String SUFFIX = ".digest";

  private DisclosureDigests() {}

  /**
   * The digest of one bundled file.
   *
   * @param json the file's bytes
   * @param exchange the exchange it must describe
   * @return the digest
   * @throws InvalidInputException when the file is invalid, as {@link DisclosureParser} reports it
   */
  public static byte[] digest(byte[] json, String exchange) {
    // future dates depend on the day of the run, so they are checked when the digest is read
    DisclosureFile file =
        DisclosureLibrary.parseBundled(
            new String(json, StandardCharsets.UTF_8), exchange, LocalDate.MAX);
    return RecordDigest.write(json, DisclosureFile.class, file);
  }

  /**
   * Reads a digest written by {@link #digest}, as {@link DisclosureParser} would have read its JSON
   * on {@code today}.
   *
   * @param digest the digest
   * @param json the JSON it must have been written from
   * @param exchange the exchange, for messages
   * @param today dates after this day are rejected as being in the future
   * @return the file
   * @throws io.cexsafe.CexsafeException when the digest is corrupt or stale
   * @throws InvalidInputException when the file was curated after {@code today}
   */
  public static DisclosureFile read(byte[] digest, byte[] json, String exchange, LocalDate today) {
    DisclosureFile file =
        RecordDigest.read(
            digest, json, "bundled " + exchange + SUFFIX, DisclosureFile.class, Map.of());
    // the parser's one check that depends on the day: every other date of a file lies on or
    // before its curation date
    if (file.curatedOn().isAfter(today)) {
      throw new InvalidInputException(
          file.origin(),
          "$.curatedOn",
          "date " + file.curatedOn() + " is in the future (today is " + today + ")");
    }
    return file;
  }

  /**
   * Writes the digest of every file the bundled index lists: run by the build after compiling (see
   * this module's pom).
   *
   * @param args the directory that holds {@code index.txt} and the files it lists
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DisclosureDigests <classes directory>");
    }
    Path classes = Path.of(args[0]);
    Path directory = classes.resolve(DisclosureLibrary.RESOURCE_DIR);
    try (URLClassLoader loader =
        new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
      for (String exchange : DisclosureLibrary.bundledIndex(loader)) {
        byte[] json = Files.readAllBytes(directory.resolve(exchange + ".json"));
        Files.write(directory.resolve(exchange + SUFFIX), digest(json, exchange));
      }
    }
  }
}
