/**
 * The {@code reviews} collector: app-store ratings, written reviews and their themes. Entry points
 * are {@link io.cexsafe.collectors.reviews.ReviewsCollector} and its ServiceLoader provider; the
 * {@code internal} package is not API.
 */
package io.cexsafe.collectors.reviews;
