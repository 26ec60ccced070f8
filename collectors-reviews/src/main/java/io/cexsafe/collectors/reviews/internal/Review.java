package io.cexsafe.collectors.reviews.internal;

import io.cexsafe.facts.AppStore;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One written review as read from a source. Author names, avatars and profile links are never kept.
 *
 * @param store the app store, or null for review sites such as Trustpilot
 * @param storefront ISO alpha-2 storefront (lower case) or {@code global}
 * @param id the source's review id
 * @param rating stars, 1 to 5
 * @param title title, or null (Play reviews have none)
 * @param text body, or null
 * @param version app version reviewed, or null
 * @param date review (or last edit) time, or null when the source gives none
 * @param language the source's language tag for the review, or null when it gives none
 * @param url a link for the review or, where reviews have no page of their own, the app's
 */
public record Review(
    AppStore store,
    String storefront,
    String id,
    int rating,
    String title,
    String text,
    String version,
    Instant date,
    String language,
    URI url) {
  public Review {
    Objects.requireNonNull(storefront, "storefront");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("rating must be within [1, 5]: " + rating);
    }
  }

  /** Title and body as one text for classification. */
  public String fullText() {
    if (title == null) {
      return text == null ? "" : text;
    }
    return text == null ? title : title + "\n" + text;
  }

  /** A key unique across sources, for de-duplication. */
  String key() {
    return (store == null ? "site" : store.name()) + "/" + storefront + "/" + id;
  }
}
