package io.cexsafe.protection;

import io.cexsafe.ConfigurationException;
import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.internal.JsonPathException;
import io.cexsafe.protection.internal.ProgrammeParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Loads protection-programme descriptions: the bundled ones and user-supplied JSON. */
public final class ProtectionProgrammes {
  /** The bundled description of Crypto.com's Account Protection Programme. */
  public static final String CRYPTO_COM_APP_RESOURCE = "crypto-com-app-v1.json";

  private static final List<String> BUNDLED = List.of(CRYPTO_COM_APP_RESOURCE);

  private ProtectionProgrammes() {}

  /** {@return crypto.com's Account Protection Programme, as described in the bundled data} */
  public static ProtectionProgramme cryptoComApp() {
    return Holder.CRYPTO_COM_APP;
  }

  /** {@return every bundled programme, sorted by id} */
  public static List<ProtectionProgramme> bundled() {
    return Holder.ALL;
  }

  /**
   * The bundled programme with this id, if there is one.
   *
   * @param id the programme's id
   * @return the programme, or empty
   */
  public static Optional<ProtectionProgramme> bundled(String id) {
    return Holder.ALL.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * Parses and validates a programme description.
   *
   * @param json the document
   * @param source what to call the document in error messages, e.g. its file name
   * @return the programme
   * @throws InvalidInputException naming the source, the JSON path and the problem
   */
  public static ProtectionProgramme parse(String json, String source) {
    try {
      return ProgrammeParser.parse(json);
    } catch (JsonPathException e) {
      throw e.in(source);
    }
  }

  /**
   * Reads a UTF-8 programme description from a stream (not closed).
   *
   * @param in the document's bytes
   * @param source what to call the document in error messages
   * @return the programme
   * @throws IOException when the stream fails
   * @throws InvalidInputException naming the source, the JSON path and the problem
   */
  public static ProtectionProgramme read(InputStream in, String source) throws IOException {
    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
  }

  private static ProtectionProgramme loadBundled(String resource) {
    try (InputStream in = ProtectionProgrammes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled programme resource missing: " + resource);
      }
      return read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled programme " + resource, e);
    } catch (InvalidInputException e) {
      throw new ConfigurationException("bundled programme is invalid: " + e.getMessage(), e);
    }
  }

  private static final class Holder {
    static final ProtectionProgramme CRYPTO_COM_APP = loadBundled(CRYPTO_COM_APP_RESOURCE);
    static final List<ProtectionProgramme> ALL =
        BUNDLED.stream()
            .map(r -> r.equals(CRYPTO_COM_APP_RESOURCE) ? CRYPTO_COM_APP : loadBundled(r))
            .sorted(java.util.Comparator.comparing(ProtectionProgramme::id))
            .toList();
  }
}
