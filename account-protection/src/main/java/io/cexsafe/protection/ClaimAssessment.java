package io.cexsafe.protection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The evaluator's answer to a claim. Meeting the minimum conditions is never a promise of relief:
 * when the programme is discretionary, {@link #discretionNote()} says so in the programme's own
 * words.
 *
 * @param programmeId the programme judged against
 * @param programmeVersion the version of its description
 * @param evaluatedOn the date the claim was judged on
 * @param outcome the verdict
 * @param summary one line explaining the verdict
 * @param discretionNote that relief stays at the exchange's discretion (null when it does not)
 * @param termsPrevail the policy's note on which text prevails (its terms and conditions)
 * @param notCovered why the claim, or individual transactions, fall outside the programme
 * @param transactions how each transaction was classified, in input order
 * @param conditions each minimum condition's result (empty when the claim is not covered)
 * @param informationNeeded JSON paths of the facts still needed, and why
 * @param deadline the deadline for contacting support, or null when not applicable
 * @param recovery the recovery estimate, or null when none can be made
 */
public record ClaimAssessment(
    String programmeId,
    String programmeVersion,
    LocalDate evaluatedOn,
    Outcome outcome,
    String summary,
    String discretionNote,
    String termsPrevail,
    List<NotCoveredReason> notCovered,
    List<TransactionCoverage> transactions,
    List<ConditionResult> conditions,
    List<MissingInformation> informationNeeded,
    ClaimDeadline deadline,
    RecoveryEstimate recovery) {

  /**
   * Validates the components, copying its lists.
   *
   * @param programmeId the programme judged against
   * @param programmeVersion the version of its description
   * @param evaluatedOn the date the claim was judged on
   * @param outcome the verdict
   * @param summary one line explaining the verdict
   * @param discretionNote that relief stays at the exchange's discretion (null when it does not)
   * @param termsPrevail the policy's note on which text prevails (its terms and conditions)
   * @param notCovered why the claim, or individual transactions, fall outside the programme
   * @param transactions how each transaction was classified, in input order
   * @param conditions each minimum condition's result (empty when the claim is not covered)
   * @param informationNeeded JSON paths of the facts still needed, and why
   * @param deadline the deadline for contacting support, or null when not applicable
   * @param recovery the recovery estimate, or null when none can be made
   */
  public ClaimAssessment {
    Objects.requireNonNull(programmeId, "programmeId");
    Objects.requireNonNull(programmeVersion, "programmeVersion");
    Objects.requireNonNull(evaluatedOn, "evaluatedOn");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(summary, "summary");
    notCovered = List.copyOf(notCovered);
    transactions = List.copyOf(transactions);
    conditions = List.copyOf(conditions);
    informationNeeded = List.copyOf(informationNeeded);
  }

  /**
   * The result of a condition by its number in the policy.
   *
   * @param number the condition's number
   * @return its result
   * @throws IllegalArgumentException when the policy has no condition with that number
   */
  public ConditionResult condition(int number) {
    return conditions.stream()
        .filter(c -> c.number() == number)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no condition number " + number));
  }

  /** What the evaluation concludes about the claim as a whole. */
  public enum Outcome {
    /** All minimum conditions are met; relief stays at the exchange's discretion. */
    MEETS_MINIMUM_CONDITIONS,
    /**
     * The claim falls outside the programme: an exclusion, a prerequisite, or not a covered event.
     */
    NOT_COVERED,
    /** At least one minimum condition is not met (or not met yet). */
    CONDITIONS_NOT_MET,
    /** Nothing fails, but some facts are unknown. */
    INFORMATION_NEEDED
  }

  /** Why something is outside the programme. */
  public enum ReasonKind {
    /** A prerequisite for the programme as a whole (KYC, country). */
    PREREQUISITE,
    /** One of the programme's named exclusions. */
    EXCLUSION,
    /** Not one of the events the programme covers. */
    NOT_A_COVERED_EVENT
  }

  /**
   * A reason for not being covered.
   *
   * @param kind prerequisite, exclusion or not a covered event
   * @param id the exclusion's id, or an id for the prerequisite ({@code kyc-not-completed}, {@code
   *     country-not-covered}) or {@code not-a-covered-event}
   * @param title the programme's wording
   * @param detail what in the claim triggered it
   * @param transactionIndex the transaction it applies to, or null when it applies to the whole
   *     claim
   */
  public record NotCoveredReason(
      ReasonKind kind, String id, String title, String detail, Integer transactionIndex) {}

  /**
   * How one transaction was classified.
   *
   * @param index its index in the claim's {@code transactions} array
   * @param time when it happened
   * @param date its date in the claimant's time zone
   * @param type what it did
   * @param asset the asset or currency
   * @param amount the amount that left the account
   * @param unrecoveredAmount the amount less what has been returned
   * @param destination where it went
   * @param coveredEventId the covered event it falls under, or null
   * @param exclusionId the exclusion it falls under, or null
   */
  public record TransactionCoverage(
      int index,
      Instant time,
      LocalDate date,
      TransactionType type,
      String asset,
      BigDecimal amount,
      BigDecimal unrecoveredAmount,
      String destination,
      String coveredEventId,
      String exclusionId) {}

  /** Where one minimum condition stands. */
  public enum ConditionStatus {
    /** Met. */
    MET,
    /** Not met and can no longer be met for the transactions concerned. */
    NOT_MET,
    /** Not met yet but can still be met, by the date given in the details where there is one. */
    OUTSTANDING,
    /** Cannot be decided: information is missing (see {@link ConditionResult#missing()}). */
    UNKNOWN
  }

  /**
   * The result of one minimum condition.
   *
   * @param number its number in the policy
   * @param id its id
   * @param text the policy's wording
   * @param status the result
   * @param details explanation lines with the dates involved
   * @param failingTransactions indexes of the transactions it fails for; empty when it fails (or
   *     holds) for the claim as a whole
   * @param missing JSON paths of what is needed to decide it
   */
  public record ConditionResult(
      int number,
      String id,
      String text,
      ConditionStatus status,
      List<String> details,
      List<Integer> failingTransactions,
      List<String> missing) {
    /**
     * Normalises the components, copying its lists.
     *
     * @param number its number in the policy
     * @param id its id
     * @param text the policy's wording
     * @param status the result
     * @param details explanation lines with the dates involved
     * @param failingTransactions indexes of the transactions it fails for; empty when it fails (or
     *     holds) for the claim as a whole
     * @param missing JSON paths of what is needed to decide it
     */
    public ConditionResult {
      details = List.copyOf(details);
      failingTransactions = List.copyOf(failingTransactions);
      missing = List.copyOf(missing);
    }
  }

  /** A fact that is still needed: its JSON path in the claim format, and why. */
  public record MissingInformation(String path, String reason) {}

  /**
   * The deadline for contacting support.
   *
   * @param occurredOn date of the first covered transaction
   * @param workingDays the programme's number of working days
   * @param lastDay the last day on which contact is in time
   * @param contactedOn when support was contacted, or null
   * @param passed whether {@code lastDay} is before the evaluation date
   */
  public record ClaimDeadline(
      LocalDate occurredOn,
      int workingDays,
      LocalDate lastDay,
      LocalDate contactedOn,
      boolean passed) {}

  /**
   * What the programme could pay back, as an estimate: each eligible transaction valued on the
   * payment date and the programme's cap applied across them in time order.
   *
   * @param paymentDate the date the valuation is for
   * @param capUsd the programme's cap in USD
   * @param transactions per-transaction figures, in time order
   * @param lossUsd the eligible loss in USD, or null when a price is missing
   * @param recoverableUsd the estimate in USD after the cap, or null when a price is missing
   * @param capReached whether the cap limits the estimate
   * @param missingPrices prices or rates still needed
   * @param basis one line on how the estimate was made
   */
  public record RecoveryEstimate(
      LocalDate paymentDate,
      BigDecimal capUsd,
      List<TransactionRecovery> transactions,
      BigDecimal lossUsd,
      BigDecimal recoverableUsd,
      boolean capReached,
      List<MissingInformation> missingPrices,
      String basis) {
    /**
     * Normalises the components, copying its lists.
     *
     * @param paymentDate the date the valuation is for
     * @param capUsd the programme's cap in USD
     * @param transactions per-transaction figures, in time order
     * @param lossUsd the eligible loss in USD, or null when a price is missing
     * @param recoverableUsd the estimate in USD after the cap, or null when a price is missing
     * @param capReached whether the cap limits the estimate
     * @param missingPrices prices or rates still needed
     * @param basis one line on how the estimate was made
     */
    public RecoveryEstimate {
      transactions = List.copyOf(transactions);
      missingPrices = List.copyOf(missingPrices);
    }

    /** {@return whether every transaction could be valued} */
    public boolean complete() {
      return missingPrices.isEmpty();
    }
  }

  /**
   * One transaction in the recovery estimate.
   *
   * @param index its index in the claim
   * @param asset the asset or currency given back
   * @param kind digital asset or fiat
   * @param lostAmount the unrecovered amount
   * @param usdPerUnit the price or rate on the payment date, or null when missing
   * @param lossUsd the loss valued in USD, or null
   * @param recoverableAmount how much of the asset or currency could be given back, or null
   * @param recoverableUsd that amount in USD, or null
   * @param limitedByCap whether the cap cut this transaction's recovery
   */
  public record TransactionRecovery(
      int index,
      String asset,
      AssetKind kind,
      BigDecimal lostAmount,
      BigDecimal usdPerUnit,
      BigDecimal lossUsd,
      BigDecimal recoverableAmount,
      BigDecimal recoverableUsd,
      boolean limitedByCap) {}
}
