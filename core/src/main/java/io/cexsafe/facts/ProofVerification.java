package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The result of verifying an inclusion proof ourselves.
 *
 * @param format the proof scheme id (e.g. {@code okx-v2})
 * @param strength what the scheme can show
 * @param included the user's leaf was found under the published root
 * @param rootHash the root the proof leads to
 * @param snapshotDate the date of the snapshot, when the proof says
 * @param rootTotals per-asset totals carried by the root, for sum trees
 * @param failure why verification failed, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("proof-verification")
public record ProofVerification(
    String format,
    ProofStrength strength,
    boolean included,
    String rootHash,
    LocalDate snapshotDate,
    Map<String, BigDecimal> rootTotals,
    String failure)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param format the proof scheme id (e.g. {@code okx-v2})
   * @param strength what the scheme can show
   * @param included the user's leaf was found under the published root
   * @param rootHash the root the proof leads to
   * @param snapshotDate the date of the snapshot, when the proof says
   * @param rootTotals per-asset totals carried by the root, for sum trees
   * @param failure why verification failed, or null
   */
  public ProofVerification {
    format = Checks.text(format, "format");
    Checks.required(strength, "strength");
    rootHash = Checks.optionalText(rootHash);
    rootTotals =
        rootTotals == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(rootTotals));
    failure = Checks.optionalText(failure);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.PROOF_OF_RESERVES);
  }

  @Override
  public String summary() {
    return format
        + " proof "
        + (included
            ? "verified: included"
            : "not verified" + (failure == null ? "" : ": " + failure))
        + " ("
        + Checks.words(strength)
        + ")";
  }
}
