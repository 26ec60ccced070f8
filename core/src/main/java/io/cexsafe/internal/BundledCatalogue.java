package io.cexsafe.internal;

import io.cexsafe.CexsafeException;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bundled exchange catalogue as the CLI reads it: {@code exchanges.json}, reviewed by people,
 * is the source; the build reads it with the validation a user's catalogue gets and writes its
 * exchanges to {@code exchanges.digest} beside it ({@link #main}), which start-up reads without
 * Jackson's data binding. A digest that does not match the JSON beside it is an error, never
 * silently used.
 */
public final class BundledCatalogue {
  /** The reviewed source, beside {@link ExchangeCatalog} on the class path. */
  public static final String SOURCE = "exchanges.json";

  /** The digest the build writes from it. */
  public static final String DIGEST = "exchanges.digest";

  /** The constructors of the catalogue's records, called without reflection. */
  private static final Map<Class<?>, Function<Object[], Object>> FACTORIES =
      Map.of(
          Entries.class,
          a -> new Entries(list(a[0])),
          Exchange.class,
          a ->
              new Exchange(
                  (String) a[0],
                  (String) a[1],
                  (URI) a[2],
                  list(a[3]),
                  list(a[4]),
                  list(a[5]),
                  list(a[6])),
          LegalEntity.class,
          a ->
              new LegalEntity(
                  (String) a[0],
                  (String) a[1],
                  (String) a[2],
                  (String) a[3],
                  (String) a[4],
                  (LocalDate) a[5]),
          ExchangeIdentifier.class,
          a ->
              new ExchangeIdentifier(
                  (String) a[0],
                  (String) a[1],
                  (String) a[2],
                  (String) a[3],
                  (String) a[4],
                  (LocalDate) a[5]));

  private BundledCatalogue() {}

  /**
   * What the digest holds.
   *
   * @param exchanges the catalogue's exchanges, ordered by id
   */
  public record Entries(List<Exchange> exchanges) {
    /**
     * Copies the list.
     *
     * @param exchanges the catalogue's exchanges, ordered by id
     */
    public Entries {
      exchanges = List.copyOf(exchanges);
    }
  }

  /**
   * Reads the bundled catalogue's exchanges from its digest.
   *
   * @return the exchanges, ordered by id
   * @throws CexsafeException when the JSON or the digest is missing, or the digest is corrupt or
   *     was not written from the JSON beside it
   */
  public static List<Exchange> read() {
    byte[] source = resource(SOURCE, "the bundled exchange catalogue");
    byte[] digest = resource(DIGEST, "the bundled exchange catalogue's digest");
    return RecordDigest.read(digest, source, "bundled " + DIGEST, Entries.class, FACTORIES)
        .exchanges();
  }

  /**
   * The digest of a catalogue file: its exchanges, read with a user catalogue's validation.
   *
   * @param source the catalogue's JSON file
   * @return the digest
   * @throws io.cexsafe.InvalidInputException when the file is not a valid catalogue
   * @throws IOException when the file cannot be read
   */
  public static byte[] digest(Path source) throws IOException {
    byte[] json = Files.readAllBytes(source);
    List<Exchange> exchanges = ExchangeCatalog.load(source).all();
    return RecordDigest.write(json, Entries.class, new Entries(exchanges));
  }

  /**
   * Reads a digest written by {@link #digest}.
   *
   * @param digest the digest
   * @param source the JSON it must have been written from
   * @param name names the digest in errors
   * @return the exchanges, ordered by id
   * @throws CexsafeException when the digest is corrupt or stale
   */
  public static List<Exchange> read(byte[] digest, byte[] source, String name) {
    return RecordDigest.read(digest, source, name, Entries.class, FACTORIES).exchanges();
  }

  /**
   * Writes the digest of a catalogue file: run by the build after compiling (see core's pom).
   *
   * @param args the catalogue JSON, then the digest to write
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BundledCatalogue <exchanges.json> <digest>");
    }
    Path source = Path.of(args[0]);
    Path target = Path.of(args[1]);
    byte[] digest = digest(source);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.write(target, digest);
  }

  private static byte[] resource(String name, String what) {
    try (InputStream in = ExchangeCatalog.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new CexsafeException(what + " (" + name + ") is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object value) {
    return (List<T>) value;
  }
}
