package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An identifier of an exchange at one source, such as {@code defillama.slug}, {@code fca.frn} or
 * {@code apple.id}. An identifier in the catalogue is a claim that collectors verify, not a fact.
 *
 * <p>Where the claim came from is recorded with it: {@code source} names what was read ({@link
 * SourceReference} lists the accepted forms) and {@code sourcedOn} the day it was read. Both are
 * optional here so that hand-written catalogues keep loading; the bundled catalogue sets both on
 * every identifier, which its tests enforce.
 *
 * @param scheme dotted, lower-case scheme name: {@code <source>.<kind>}
 * @param value the identifier as the source spells it
 * @param entity the legal entity the identifier belongs to, or null
 * @param note why it is listed or how sure we are, or null
 * @param source where the identifier was read (see {@link SourceReference}), or null when not
 *     recorded
 * @param sourcedOn the day the source was read, or null when not recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExchangeIdentifier(
    String scheme, String value, String entity, String note, String source, LocalDate sourcedOn) {
  private static final Pattern SCHEME =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

  /**
   * Validates the identifier; blank entity and note become null.
   *
   * @param scheme dotted, lower-case scheme name: {@code <source>.<kind>}
   * @param value the identifier as the source spells it
   * @param entity the legal entity the identifier belongs to, or null
   * @param note why it is listed or how sure we are, or null
   * @param source where the identifier was read (a URL, {@code repo@commit:path} or {@code
   *     carried:<commit>}), or null
   * @param sourcedOn the day it was read there, or null
   * @throws IllegalArgumentException when the scheme is not {@code source.kind} in lower case, the
   *     value is blank, or the source not one of the forms {@link SourceReference} accepts
   */
  public ExchangeIdentifier {
    scheme = Strings.requireText(scheme, "scheme");
    if (!SCHEME.matcher(scheme).matches()) {
      throw new IllegalArgumentException(
          "identifier scheme must look like 'source.kind' in lower case: " + scheme);
    }
    value = Strings.requireText(value, "value");
    entity = Strings.blankToNull(entity);
    note = Strings.blankToNull(note);
    source = SourceReference.check(source, "identifier " + scheme + " " + value);
  }

  /**
   * An identifier without a recorded source.
   *
   * @param scheme dotted, lower-case scheme name
   * @param value the identifier as the source spells it
   * @param entity the legal entity the identifier belongs to, or null
   * @param note why it is listed or how sure we are, or null
   */
  public ExchangeIdentifier(String scheme, String value, String entity, String note) {
    this(scheme, value, entity, note, null, null);
  }

  /**
   * An identifier of the whole brand, without entity, note or source.
   *
   * @param scheme dotted, lower-case scheme name
   * @param value the identifier as the source spells it
   */
  public ExchangeIdentifier(String scheme, String value) {
    this(scheme, value, null, null, null, null);
  }

  /**
   * This identifier with its source recorded.
   *
   * @param source where it was read (see {@link SourceReference})
   * @param sourcedOn the day it was read
   * @return a copy carrying the source and date
   */
  public ExchangeIdentifier sourcedFrom(String source, LocalDate sourcedOn) {
    return new ExchangeIdentifier(scheme, value, entity, note, source, sourcedOn);
  }

  /** {@return the register or service the scheme belongs to: the part before its first dot} */
  public String register() {
    return scheme.substring(0, scheme.indexOf('.'));
  }
}
