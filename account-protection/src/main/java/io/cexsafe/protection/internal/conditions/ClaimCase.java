package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.Claim;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A claim as the conditions see it: the claim itself and the transactions the conditions apply to
 * (covered, or coverable once the cause is known), by index in the claim.
 *
 * @param claim the claim
 * @param candidates indexes of the transactions the conditions apply to, in claim order
 */
public record ClaimCase(Claim claim, List<Integer> candidates) {
  public ClaimCase {
    Objects.requireNonNull(claim, "claim");
    candidates = List.copyOf(candidates);
    for (int index : candidates) {
      if (index < 0 || index >= claim.transactions().size()) {
        throw new IllegalArgumentException(
            "candidate "
                + index
                + " is not a transaction index (the claim has "
                + claim.transactions().size()
                + ")");
      }
    }
  }

  public Claim.Transaction transaction(int index) {
    return claim.transactions().get(index);
  }

  /** The date of a transaction in the claimant's time zone. */
  public LocalDate dateOf(int index) {
    return claim.dateOf(transaction(index));
  }
}
