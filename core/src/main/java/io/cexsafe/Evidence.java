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
  public Evidence {
    id = Strings.requireText(id, "id");
    exchangeId = Strings.requireText(exchangeId, "exchangeId");
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(provenance, "provenance");
  }

  /** Creates evidence with an id derived from its content. */
  public static Evidence of(String exchangeId, Fact fact, Provenance provenance) {
    return new Evidence(contentId(exchangeId, fact, provenance), exchangeId, fact, provenance);
  }

  public Set<Pillar> pillars() {
    return fact.pillars();
  }

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
