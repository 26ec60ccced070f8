package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A legal entity behind an exchange brand.
 *
 * @param name registered legal name
 * @param country ISO 3166-1 alpha-2 country of incorporation
 * @param lei Legal Entity Identifier, or null when not known
 * @param role what the entity does for the brand (free text), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalEntity(String name, String country, String lei, String role) {
  /**
   * Validates the components.
   *
   * @param name registered legal name
   * @param country ISO 3166-1 alpha-2 country of incorporation
   * @param lei Legal Entity Identifier, or null when not known
   * @param role what the entity does for the brand (free text), or null
   */
  public LegalEntity {
    name = Strings.requireText(name, "name");
    country = Strings.requireCountry(country, "country");
    lei = Strings.blankToNull(lei);
    if (lei != null && !lei.matches("[0-9A-Z]{20}")) {
      throw new IllegalArgumentException("lei must be 20 upper-case letters or digits: " + lei);
    }
    role = Strings.blankToNull(role);
  }

  /**
   * An entity with no LEI and no role.
   *
   * @param name registered legal name
   * @param country ISO 3166-1 alpha-2 country of incorporation
   */
  public LegalEntity(String name, String country) {
    this(name, country, null, null);
  }

  @Override
  public String toString() {
    return name + " (" + country + (lei == null ? "" : ", LEI " + lei) + ")";
  }
}
