package io.cexsafe;

import io.cexsafe.facts.Fact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * One sourced fact about one exchange.
 *
 * @param id stable id: the same exchange, fact and provenance always give the same id
 * @param exchangeId the exchange the fact is about
 * @param fact the fact
 * @param provenance where it comes from
 */
public record Evidence(String id, String exchangeId, Fact fact, Provenance provenance) {
  /**
   * Validates the evidence.
   *
   * @param id stable id: the same exchange, fact and provenance always give the same id
   * @param exchangeId the exchange the fact is about
   * @param fact the fact
   * @param provenance where it comes from
   * @throws IllegalArgumentException when the id or exchange id is blank
   * @throws NullPointerException when any component is null
   */
  public Evidence {
    id = Strings.requireText(id, "id");
    exchangeId = Strings.requireText(exchangeId, "exchangeId");
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * Creates evidence with an id derived from its content, so the same fact from the same source
   * gets the same id in every run.
   *
   * @param exchangeId the exchange the fact is about
   * @param fact the fact
   * @param provenance where it comes from
   * @return the evidence with its content-derived id
   */
  public static Evidence of(String exchangeId, Fact fact, Provenance provenance) {
    return new Evidence(contentId(exchangeId, fact, provenance), exchangeId, fact, provenance);
  }

  /** {@return the pillars the fact informs; empty for context-only facts} */
  public Set<Pillar> pillars() {
    return fact.pillars();
  }

  /** {@return the trust class of the evidence's source} */
  public EvidenceClass evidenceClass() {
    return provenance.evidenceClass();
  }

  private static String contentId(String exchangeId, Fact fact, Provenance provenance) {
    String canonical =
        exchangeId
            + '\n'
            + Json.write(fact)
            + '\n'
            + provenance.collectorId()
            + '\n'
            + provenance.sourceUrl()
            + '\n'
            + provenance.observedAt();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return provenance.collectorId()
          + ":"
          + fact.typeName()
          + ":"
          + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
