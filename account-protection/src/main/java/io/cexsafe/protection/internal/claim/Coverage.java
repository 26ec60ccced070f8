package io.cexsafe.protection.internal.claim;

import io.cexsafe.protection.Claim;
import io.cexsafe.protection.ClaimAssessment.MissingInformation;
import io.cexsafe.protection.ClaimAssessment.NotCoveredReason;
import io.cexsafe.protection.ClaimAssessment.ReasonKind;
import io.cexsafe.protection.ClaimAssessment.TransactionCoverage;
import io.cexsafe.protection.IncidentCause;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionProgramme.CoveredEvent;
import io.cexsafe.protection.ProtectionProgramme.Exclusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a claim falls inside a programme before any minimum condition is looked at: the
 * prerequisites (KYC, country), the cause, and each transaction's covered event or exclusion.
 *
 * @param excluded whether the claim as a whole is outside the programme
 * @param notCovered why the claim or some transactions are not covered, in the order found
 * @param transactions how each transaction is covered, in claim order
 * @param candidates indexes of the transactions the conditions apply to: covered, or coverable once
 *     the cause is known
 * @param missing prerequisite facts still needed, in the order found
 */
public record Coverage(
    boolean excluded,
    List<NotCoveredReason> notCovered,
    List<TransactionCoverage> transactions,
    List<Integer> candidates,
    List<MissingInformation> missing) {
  private static final String NOT_A_COVERED_EVENT = "Not one of the events the programme covers.";

  public Coverage {
    notCovered = List.copyOf(notCovered);
    transactions = List.copyOf(transactions);
    candidates = List.copyOf(candidates);
    missing = List.copyOf(missing);
    if (excluded && notCovered.isEmpty()) {
      throw new IllegalArgumentException("an excluded claim needs a reason");
    }
  }

  /** Classifies a claim; the claim's programme id is not checked here. */
  public static Coverage classify(ProtectionProgramme programme, Claim claim) {
    List<NotCoveredReason> notCovered = new ArrayList<>();
    List<MissingInformation> missing = new ArrayList<>();
    boolean excluded = prerequisitesAndCause(programme, claim, notCovered, missing);
    List<TransactionCoverage> transactions = new ArrayList<>();
    List<Integer> candidates = new ArrayList<>();
    classifyTransactions(programme, claim, notCovered, transactions, candidates);
    return new Coverage(excluded, notCovered, transactions, candidates, missing);
  }

  /** Whether no minimum condition needs looking at: the claim or every transaction is outside. */
  public boolean notCoveredAtAll() {
    return excluded || candidates.isEmpty();
  }

  /** One line naming the first reason the claim is not covered. */
  public String notCoveredSummary() {
    if (notCovered.isEmpty()) {
      throw new IllegalStateException("no candidate transaction and no reason");
    }
    NotCoveredReason first = notCovered.get(0);
    String scope =
        first.transactionIndex() == null
            ? ""
            : notCovered.size() > 1 ? " (every transaction)" : " (the only transaction)";
    return "Not covered"
        + scope
        + ": "
        + first.id()
        + (notCovered.size() > 1 ? " and " + (notCovered.size() - 1) + " more reason(s)" : "")
        + ".";
  }

  /** Returns true when the claim as a whole is outside the programme. */
  private static boolean prerequisitesAndCause(
      ProtectionProgramme programme,
      Claim claim,
      List<NotCoveredReason> notCovered,
      List<MissingInformation> missing) {
    boolean excluded = false;
    if (programme.kycRequired()) {
      if (claim.kycCompleted() == null) {
        missing.add(
            new MissingInformation(
                "$.kycCompleted", "the programme is only for users who completed KYC"));
      } else if (!claim.kycCompleted()) {
        notCovered.add(
            new NotCoveredReason(
                ReasonKind.PREREQUISITE,
                "kyc-not-completed",
                "The programme is for users who have satisfied all the necessary KYC requirements.",
                "the claimant has not completed KYC",
                null));
        excluded = true;
      }
    }
    if (!programme.countries().isEmpty()) {
      if (claim.country() == null) {
        missing.add(
            new MissingInformation(
                "$.country",
                "the programme is available in "
                    + programme.countries().size()
                    + " countries only"));
      } else if (!programme.availableIn(claim.country())) {
        notCovered.add(
            new NotCoveredReason(
                ReasonKind.PREREQUISITE,
                "country-not-covered",
                "The programme is available in "
                    + programme.countries().size()
                    + " countries: "
                    + String.join(
                        ", ",
                        programme.countries().stream()
                            .map(ProtectionProgramme.Country::code)
                            .toList())
                    + ".",
                claim.country() + " is not one of them",
                null));
        excluded = true;
      }
    }
    IncidentCause cause = claim.cause();
    if (cause == null) {
      missing.add(
          new MissingInformation(
              "$.cause", "whether the event is covered depends on how the loss came about"));
    } else {
      Optional<Exclusion> exclusion = programme.exclusionFor(cause);
      if (exclusion.isPresent()) {
        notCovered.add(
            new NotCoveredReason(
                ReasonKind.EXCLUSION,
                exclusion.get().id(),
                exclusion.get().title(),
                "cause " + cause,
                null));
        excluded = true;
      } else if (programme.coveredEvents().stream().noneMatch(e -> e.causes().contains(cause))) {
        notCovered.add(
            new NotCoveredReason(
                ReasonKind.NOT_A_COVERED_EVENT,
                "not-a-covered-event",
                NOT_A_COVERED_EVENT,
                "cause " + cause,
                null));
        excluded = true;
      }
    }
    return excluded;
  }

  private static void classifyTransactions(
      ProtectionProgramme programme,
      Claim claim,
      List<NotCoveredReason> notCovered,
      List<TransactionCoverage> coverage,
      List<Integer> candidates) {
    IncidentCause cause = claim.cause();
    boolean causeCovered =
        cause != null
            && programme.coveredEvents().stream().anyMatch(e -> e.causes().contains(cause));
    for (int i = 0; i < claim.transactions().size(); i++) {
      Claim.Transaction tx = claim.transactions().get(i);
      Optional<Exclusion> exclusion = programme.exclusionFor(tx.type());
      Optional<CoveredEvent> event =
          causeCovered ? programme.coveredEventFor(cause, tx.type()) : Optional.empty();
      boolean coverable =
          programme.coveredEvents().stream()
              .anyMatch(e -> e.transactionTypes().contains(tx.type()));
      coverage.add(
          new TransactionCoverage(
              i,
              tx.time(),
              claim.dateOf(tx),
              tx.type(),
              tx.asset(),
              tx.amount(),
              tx.unrecoveredAmount(),
              tx.destination(),
              event.map(CoveredEvent::id).orElse(null),
              exclusion.map(Exclusion::id).orElse(null)));
      if (exclusion.isPresent()) {
        notCovered.add(
            new NotCoveredReason(
                ReasonKind.EXCLUSION,
                exclusion.get().id(),
                exclusion.get().title(),
                "transaction type " + tx.type(),
                i));
      } else if (event.isPresent() || (cause == null && coverable)) {
        candidates.add(i);
      } else if (causeCovered || cause == null) {
        notCovered.add(
            new NotCoveredReason(
                ReasonKind.NOT_A_COVERED_EVENT,
                "not-a-covered-event",
                NOT_A_COVERED_EVENT,
                cause == null
                    ? "transaction type " + tx.type()
                    : "transaction type " + tx.type() + " with cause " + cause,
                i));
      }
    }
  }
}
