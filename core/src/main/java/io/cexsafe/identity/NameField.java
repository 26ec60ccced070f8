package io.cexsafe.identity;

import java.util.Objects;

/**
 * One name a source gives an entry, with the field it came from.
 *
 * @param field the source's field, e.g. {@code ae_commercial_name} or {@code trackName}
 * @param value the name as the source spells it
 */
public record NameField(String field, String value) {
  /**
   * Checks both parts are present.
   *
   * @param field the source's field, e.g. {@code ae_commercial_name} or {@code trackName}
   * @param value the name as the source spells it
   * @throws IllegalArgumentException when {@code field} or {@code value} is blank
   */
  public NameField {
    Objects.requireNonNull(field, "field");
    if (field.isBlank()) {
      throw new IllegalArgumentException("field must not be blank");
    }
    Objects.requireNonNull(value, "value");
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("name in field " + field + " must not be blank");
    }
  }

  @Override
  public String toString() {
    return field + " '" + value + "'";
  }
}
