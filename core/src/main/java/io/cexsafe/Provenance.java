package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a fact comes from and how far to trust it.
 *
 * @param collectorId id of the collector that produced the evidence
 * @param sourceUrl the page, API or document the fact was read from
 * @param sourceTitle a human title for the source
 * @param observedAt when the fact was true in the world (the data's own timestamp or the
 *     publication date)
 * @param retrievedAt when cexsafe (or the curator of a dataset) read it
 * @param evidenceClass how the fact is known
 * @param staleAfter when the fact should no longer be relied on, or null when it does not age
 * @param note a curator's remark, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
    String collectorId,
    URI sourceUrl,
    String sourceTitle,
    Instant observedAt,
    Instant retrievedAt,
    EvidenceClass evidenceClass,
    Instant staleAfter,
    String note) {
  /**
   * Validates the provenance; a blank note becomes null.
   *
   * @param collectorId id of the collector that produced the evidence
   * @param sourceUrl the page, API or document the fact was read from
   * @param sourceTitle a human title for the source
   * @param observedAt when the fact was true in the world (the data's own timestamp or the
   *     publication date)
   * @param retrievedAt when cexsafe (or the curator of a dataset) read it
   * @param evidenceClass how the fact is known
   * @param staleAfter when the fact should no longer be relied on, or null when it does not age
   * @param note a curator's remark, or null
   * @throws IllegalArgumentException when the source URL is not absolute, a text is blank or {@code
   *     staleAfter} is before {@code observedAt}
   * @throws NullPointerException when a required component is null
   */
  public Provenance {
    collectorId = Strings.requireText(collectorId, "collectorId");
    Objects.requireNonNull(sourceUrl, "sourceUrl");
    if (!sourceUrl.isAbsolute()) {
      throw new IllegalArgumentException("sourceUrl must be absolute: " + sourceUrl);
    }
    sourceTitle = Strings.requireText(sourceTitle, "sourceTitle");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(retrievedAt, "retrievedAt");
    Objects.requireNonNull(evidenceClass, "evidenceClass");
    if (staleAfter != null && staleAfter.isBefore(observedAt)) {
      throw new IllegalArgumentException("staleAfter is before observedAt");
    }
    note = Strings.blankToNull(note);
  }

  /**
   * Tells whether the fact has gone stale.
   *
   * @param instant the instant of evaluation
   * @return true when it is after {@code staleAfter}
   */
  public boolean isStaleAt(Instant instant) {
    return staleAfter != null && instant.isAfter(staleAfter);
  }

  /**
   * Starts a provenance.
   *
   * @param collectorId the collector that produced the evidence
   * @return the builder
   */
  public static Builder builder(String collectorId) {
    return new Builder(collectorId);
  }

  /** Builder for {@link Provenance}. */
  public static final class Builder {
    private final String collectorId;
    private URI sourceUrl;
    private String sourceTitle;
    private Instant observedAt;
    private Instant retrievedAt;
    private EvidenceClass evidenceClass;
    private Instant staleAfter;
    private String note;

    private Builder(String collectorId) {
      this.collectorId = collectorId;
    }

    /**
     * Sets where the fact was read.
     *
     * @param url the absolute source URL
     * @param title the source's title
     * @return this builder
     */
    public Builder source(URI url, String title) {
      this.sourceUrl = url;
      this.sourceTitle = title;
      return this;
    }

    /**
     * Sets where the fact was read.
     *
     * @param url the absolute source URL, as text
     * @param title the source's title
     * @return this builder
     * @throws IllegalArgumentException when the URL is not valid
     */
    public Builder source(String url, String title) {
      return source(URI.create(url), title);
    }

    /**
     * Sets when the fact was true in the world.
     *
     * @param observedAt the instant the source describes
     * @return this builder
     */
    public Builder observedAt(Instant observedAt) {
      this.observedAt = observedAt;
      return this;
    }

    /**
     * Sets when the fact was fetched.
     *
     * @param retrievedAt the instant of retrieval
     * @return this builder
     */
    public Builder retrievedAt(Instant retrievedAt) {
      this.retrievedAt = retrievedAt;
      return this;
    }

    /**
     * Sets how much the source is trusted.
     *
     * @param evidenceClass the source's trust class
     * @return this builder
     */
    public Builder evidenceClass(EvidenceClass evidenceClass) {
      this.evidenceClass = evidenceClass;
      return this;
    }

    /**
     * Sets when the fact goes stale.
     *
     * @param staleAfter the instant after which it is stale, or null for never
     * @return this builder
     */
    public Builder staleAfter(Instant staleAfter) {
      this.staleAfter = staleAfter;
      return this;
    }

    /**
     * Sets a remark on how the fact was read.
     *
     * @param note the remark, or null
     * @return this builder
     */
    public Builder note(String note) {
      this.note = note;
      return this;
    }

    /**
     * Builds the provenance.
     *
     * @return the provenance
     * @throws IllegalArgumentException when a component is invalid (see the record)
     * @throws NullPointerException when a required component was not set
     */
    public Provenance build() {
      return new Provenance(
          collectorId,
          sourceUrl,
          sourceTitle,
          observedAt,
          retrievedAt,
          evidenceClass,
          staleAfter,
          note);
    }
  }
}
