package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * An identifier of an exchange at one source, such as {@code defillama.slug}, {@code fca.frn} or
 * {@code apple.id}. An identifier in the catalogue is a claim that collectors verify, not a fact.
 *
 * @param scheme dotted, lower-case scheme name: {@code <source>.<kind>}
 * @param value the identifier as the source spells it
 * @param entity the legal entity the identifier belongs to, or null
 * @param note why it is listed or how sure we are, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExchangeIdentifier(String scheme, String value, String entity, String note) {
  private static final Pattern SCHEME =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

  /**
   * Validates the identifier; blank entity and note become null.
   *
   * @param scheme dotted, lower-case scheme name: {@code <source>.<kind>}
   * @param value the identifier as the source spells it
   * @param entity the legal entity the identifier belongs to, or null
   * @param note why it is listed or how sure we are, or null
   * @throws IllegalArgumentException when the scheme is not {@code source.kind} in lower case or
   *     the value is blank
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
  }

  /**
   * An identifier with no entity and no note.
   *
   * @param scheme dotted, lower-case scheme name: {@code <source>.<kind>}
   * @param value the identifier as the source spells it
   */
  public ExchangeIdentifier(String scheme, String value) {
    this(scheme, value, null, null);
  }
}
