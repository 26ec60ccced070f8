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

  /** True when the fact has gone stale at {@code instant}. */
  public boolean isStaleAt(Instant instant) {
    return staleAfter != null && instant.isAfter(staleAfter);
  }

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

    public Builder source(URI url, String title) {
      this.sourceUrl = url;
      this.sourceTitle = title;
      return this;
    }

    public Builder source(String url, String title) {
      return source(URI.create(url), title);
    }

    public Builder observedAt(Instant observedAt) {
      this.observedAt = observedAt;
      return this;
    }

    public Builder retrievedAt(Instant retrievedAt) {
      this.retrievedAt = retrievedAt;
      return this;
    }

    public Builder evidenceClass(EvidenceClass evidenceClass) {
      this.evidenceClass = evidenceClass;
      return this;
    }

    public Builder staleAfter(Instant staleAfter) {
      this.staleAfter = staleAfter;
      return this;
    }

    public Builder note(String note) {
      this.note = note;
      return this;
    }

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
