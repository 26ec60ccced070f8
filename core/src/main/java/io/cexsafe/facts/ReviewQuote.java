package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.LocalDate;

/** An example review, quoted as evidence for a theme. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewQuote(String text, int rating, LocalDate date, URI url) {
  /** Validates the components. */
  public ReviewQuote {
    text = Checks.text(text, "text");
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("rating must be within [1, 5]: " + rating);
    }
  }
}
