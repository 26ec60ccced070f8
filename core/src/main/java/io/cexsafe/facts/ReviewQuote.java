package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.LocalDate;

/** An example review, quoted as evidence for a theme. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewQuote(String text, int rating, LocalDate date, URI url) {
  /**
   * Validates the components.
   *
   * @param text the quoted review
   * @param rating its star rating, 1 to 5
   * @param date when it was written, or null
   * @param url where it was read, or null
   */
  public ReviewQuote {
    text = Checks.text(text, "text");
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("rating must be within [1, 5]: " + rating);
    }
  }
}
