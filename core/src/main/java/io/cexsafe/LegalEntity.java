package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A legal entity behind an exchange brand.
 *
 * @param name registered legal name
 * @param country ISO 3166-1 alpha-2 country of incorporation
 * @param lei Legal Entity Identifier, or null when not known
 * @param role what the entity does for the brand (free text), or null
 * @param source where the entity was read (see {@link SourceReference}), or null when not recorded
 * @param sourcedOn the day the source was read, or null when not recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalEntity(
    String name, String country, String lei, String role, String source, LocalDate sourcedOn) {
  /**
   * Validates the components.
   *
   * @param name registered legal name
   * @param country ISO 3166-1 alpha-2 country of incorporation
   * @param lei Legal Entity Identifier, or null when not known
   * @param role what the entity does for the brand (free text), or null
   * @param source where the entity was read (a URL, {@code repo@commit:path} or {@code
   *     carried:<commit>}), or null
   * @param sourcedOn the day it was read there, or null
   */
  public LegalEntity {
    name = Strings.requireText(name, "name");
    country = Strings.requireCountry(country, "country");
    lei = Strings.blankToNull(lei);
    if (lei != null && !lei.matches("[0-9A-Z]{20}")) {
      throw new IllegalArgumentException("lei must be 20 upper-case letters or digits: " + lei);
    }
    role = Strings.blankToNull(role);
    source = SourceReference.check(source, "entity " + name);
  }

  /**
   * An entity without a recorded source.
   *
   * @param name registered legal name
   * @param country ISO 3166-1 alpha-2 country of incorporation
   * @param lei Legal Entity Identifier, or null
   * @param role what the entity does for the brand, or null
   */
  public LegalEntity(String name, String country, String lei, String role) {
    this(name, country, lei, role, null, null);
  }

  /**
   * An entity known only by name and country.
   *
   * @param name registered legal name
   * @param country ISO 3166-1 alpha-2 country of incorporation
   */
  public LegalEntity(String name, String country) {
    this(name, country, null, null, null, null);
  }

  @Override
  public String toString() {
    return name + " (" + country + (lei == null ? "" : ", LEI " + lei) + ")";
  }
}
