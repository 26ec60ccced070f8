package io.cexsafe.testing;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A catalogue of any size for scale tests: exchange {@code i} (from 1) has id {@code gen-NNN},
 * DeFiLlama slug {@code gen-NNN-cex}, Apple track id {@code 1700000000 + i} and Play package {@code
 * com.gen.exchange.nNNN}. Code that must work for any catalogue size is tested with one of these,
 * not with the bundled catalogue, whose size changes as entries are added.
 */
public final class GeneratedCatalog {
  /** The first Apple track id; exchange {@code i} gets this plus {@code i}. */
  public static final long FIRST_APPLE_ID = 1_700_000_000L;

  private GeneratedCatalog() {}

  /**
   * {@code size} generated exchanges.
   *
   * @param size how many exchanges the catalogue holds, numbered 1 to {@code size}; 1 to 9,999
   * @return a catalogue of exchanges 1 to {@code size}, each built as {@link #exchange(int)} does
   * @throws IllegalArgumentException when {@code size} is not between 1 and 9,999
   */
  public static ExchangeCatalog of(int size) {
    if (size < 1 || size > 9_999) {
      throw new IllegalArgumentException("size must be 1 to 9999, was " + size);
    }
    List<Exchange> exchanges = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      exchanges.add(exchange(i));
    }
    return ExchangeCatalog.of(exchanges);
  }

  /**
   * The same catalogue as a catalogue file ({@code --catalog}), for tests of the command line.
   *
   * @param size how many exchanges the file lists, as for {@link #of(int)}
   * @param file where to write the JSON catalogue (UTF-8); an existing file is overwritten
   * @return {@code file}, now holding the catalogue
   * @throws IllegalArgumentException when {@code size} is not between 1 and 9,999
   * @throws UncheckedIOException when the file cannot be written
   */
  public static Path writeFile(int size, Path file) {
    StringBuilder json = new StringBuilder("{\"exchanges\": [\n");
    for (Exchange exchange : of(size).all()) {
      if (json.charAt(json.length() - 2) == '}') {
        json.setLength(json.length() - 1);
        json.append(",\n");
      }
      json.append("  {\"id\": \"")
          .append(exchange.id())
          .append("\", \"name\": \"")
          .append(exchange.name())
          .append("\", \"website\": \"")
          .append(exchange.website())
          .append("\", \"identifiers\": [");
      for (int k = 0; k < exchange.identifiers().size(); k++) {
        ExchangeIdentifier identifier = exchange.identifiers().get(k);
        json.append(k == 0 ? "" : ", ")
            .append("{\"scheme\": \"")
            .append(identifier.scheme())
            .append("\", \"value\": \"")
            .append(identifier.value())
            .append("\"}");
      }
      json.append("]}\n");
    }
    json.append("]}\n");
    try {
      return Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Exchange number {@code i} of a generated catalogue.
   *
   * @param i the exchange's number, from 1; it sets the id, name, website and identifiers
   * @return the exchange with id {@link #id(int)}, name {@code Generated Exchange i}, a DeFiLlama
   *     slug, an Apple track id and a Play package derived from {@code i}
   */
  public static Exchange exchange(int i) {
    String id = id(i);
    return new Exchange(
        id,
        "Generated Exchange " + i,
        URI.create("https://" + id + ".example"),
        List.of(),
        List.of(),
        List.of(),
        List.of(
            new ExchangeIdentifier("defillama.slug", id + "-cex"),
            new ExchangeIdentifier("apple.id", Long.toString(FIRST_APPLE_ID + i)),
            new ExchangeIdentifier("play.package", "com.gen.exchange.n" + number(i))));
  }

  /**
   * The id of exchange {@code i}, e.g. {@code gen-007}.
   *
   * @param i the exchange's number, from 1
   * @return {@code gen-} followed by {@code i} padded with zeros to at least three digits
   */
  public static String id(int i) {
    return "gen-" + number(i);
  }

  private static String number(int i) {
    return String.format(Locale.ROOT, "%03d", i);
  }
}
