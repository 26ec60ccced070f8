package io.cexsafe.protection;

import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.ClaimAssessment.ClaimDeadline;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ClaimAssessment.MissingInformation;
import io.cexsafe.protection.ClaimAssessment.NotCoveredReason;
import io.cexsafe.protection.ClaimAssessment.Outcome;
import io.cexsafe.protection.ClaimAssessment.ReasonKind;
import io.cexsafe.protection.ClaimAssessment.RecoveryEstimate;
import io.cexsafe.protection.ClaimAssessment.TransactionCoverage;
import io.cexsafe.protection.ClaimAssessment.TransactionRecovery;
import io.cexsafe.protection.ProtectionProgramme.CoveredEvent;
import io.cexsafe.protection.ProtectionProgramme.Exclusion;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import io.cexsafe.protection.internal.Codes;
import io.cexsafe.protection.internal.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a {@link Claim} against a {@link ProtectionProgramme}: whether it is covered, whether each
 * minimum condition is met, what is still unknown, the deadline for contacting support, and an
 * estimate of what could be recovered. The evaluation date comes from the claim; nothing here reads
 * the system clock.
 */
public final class ClaimEvaluator {
  /** Digital-asset quantities cut by the cap keep at least this many decimals. */
  private static final int MIN_ASSET_SCALE = 8;

  private final ProtectionProgramme programme;

  private ClaimEvaluator(ProtectionProgramme programme) {
    this.programme = Objects.requireNonNull(programme, "programme");
  }

  public static ClaimEvaluator forProgramme(ProtectionProgramme programme) {
    return new ClaimEvaluator(programme);
  }

  public ProtectionProgramme programme() {
    return programme;
  }

  /**
   * Evaluates a claim.
   *
   * @throws InvalidInputException when the claim names another programme
   */
  public ClaimAssessment evaluate(Claim claim) {
    if (!claim.programmeId().equals(programme.id())) {
      throw new InvalidInputException(
          "claim",
          "$.programme",
          "claim is for \""
              + claim.programmeId()
              + "\" but was evaluated against \""
              + programme.id()
              + "\"");
    }
    return new Run(claim).evaluate();
  }

  /** The state of one evaluation. */
  private final class Run {
    private final Claim claim;
    private final List<NotCoveredReason> notCovered = new ArrayList<>();
    private final Map<String, MissingInformation> missing = new LinkedHashMap<>();
    private final List<TransactionCoverage> coverage = new ArrayList<>();

    /**
     * Indexes of transactions the conditions apply to: covered, or coverable once the cause is
     * known.
     */
    private final List<Integer> candidates = new ArrayList<>();

    Run(Claim claim) {
      this.claim = claim;
    }

    ClaimAssessment evaluate() {
      boolean claimExcluded = checkPrerequisitesAndCause();
      classifyTransactions();
      if (claimExcluded || candidates.isEmpty()) {
        if (!claimExcluded && notCovered.isEmpty()) {
          throw new IllegalStateException("no candidate transaction and no reason");
        }
        return assessment(Outcome.NOT_COVERED, notCoveredSummary(), List.of(), null, null);
      }

      List<ConditionResult> conditions = new ArrayList<>();
      for (MinimumCondition condition : programme.minimumConditions()) {
        ConditionResult result = check(condition);
        conditions.add(result);
        for (String path : result.missing()) {
          missing.putIfAbsent(
              path,
              new MissingInformation(
                  path,
                  "needed for condition " + condition.number() + " (" + condition.id() + ")"));
        }
      }

      Outcome outcome;
      String summary;
      List<ConditionResult> failing =
          conditions.stream()
              .filter(
                  c ->
                      c.status() == ConditionStatus.NOT_MET
                          || c.status() == ConditionStatus.OUTSTANDING)
              .toList();
      if (!failing.isEmpty()) {
        outcome = Outcome.CONDITIONS_NOT_MET;
        summary =
            "Minimum conditions not met: "
                + String.join(
                    ", ",
                    failing.stream()
                        .map(
                            c ->
                                c.number()
                                    + " ("
                                    + c.id()
                                    + (c.status() == ConditionStatus.OUTSTANDING
                                        ? ", outstanding"
                                        : "")
                                    + ")")
                        .toList())
                + ".";
      } else if (!missing.isEmpty()) {
        outcome = Outcome.INFORMATION_NEEDED;
        summary =
            "Nothing fails so far, but "
                + missing.size()
                + " fact"
                + (missing.size() == 1 ? " is" : "s are")
                + " still needed: "
                + String.join(", ", missing.keySet())
                + ".";
      } else {
        outcome = Outcome.MEETS_MINIMUM_CONDITIONS;
        summary =
            "Meets the programme's minimum conditions."
                + (programme.discretionary()
                    ? " Relief is not guaranteed: it stays at the exchange's discretion."
                    : "");
      }
      return assessment(outcome, summary, conditions, deadline(), estimate(conditions));
    }

    private ClaimAssessment assessment(
        Outcome outcome,
        String summary,
        List<ConditionResult> conditions,
        ClaimDeadline deadline,
        RecoveryEstimate estimate) {
      return new ClaimAssessment(
          programme.id(),
          programme.version(),
          claim.evaluatedOn(),
          outcome,
          summary,
          programme.discretionary()
              ? "Relief stays at the exchange's discretion even when every minimum condition is met."
                  + " The policy: \""
                  + programme.discretionNote()
                  + "\""
              : null,
          programme.termsPrevail(),
          notCovered,
          coverage,
          conditions,
          List.copyOf(missing.values()),
          deadline,
          estimate);
    }

    /** Returns true when the claim as a whole is outside the programme. */
    private boolean checkPrerequisitesAndCause() {
      boolean excluded = false;
      if (programme.kycRequired()) {
        if (claim.kycCompleted() == null) {
          need("$.kycCompleted", "the programme is only for users who completed KYC");
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
          need(
              "$.country",
              "the programme is available in " + programme.countries().size() + " countries only");
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
        need("$.cause", "whether the event is covered depends on how the loss came about");
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
                  "Not one of the events the programme covers.",
                  "cause " + cause,
                  null));
          excluded = true;
        }
      }
      return excluded;
    }

    private void classifyTransactions() {
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
                  "Not one of the events the programme covers.",
                  cause == null
                      ? "transaction type " + tx.type()
                      : "transaction type " + tx.type() + " with cause " + cause,
                  i));
        }
      }
    }

    private String notCoveredSummary() {
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

    // conditions

    private ConditionResult check(MinimumCondition condition) {
      return switch (condition.check()) {
        case MFA_ENABLED_BEFORE_TRANSACTION -> mfa(condition);
        case ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION -> antiPhishingCode(condition);
        case WITHDRAWAL_LOCK_ENABLED ->
            flag(
                condition,
                claim.withdrawalLockEnabled(),
                true,
                "$.withdrawalLock24h",
                "the withdrawal lock was enabled",
                "the withdrawal lock was not enabled");
        case DEVICE_NOT_JAILBROKEN ->
            flag(
                condition,
                claim.jailbrokenDevice(),
                false,
                "$.jailbrokenDevice",
                "the device was not jailbroken",
                "the device used with the account was jailbroken or rooted");
        case POLICE_REPORT_FILED -> policeReport(condition);
        case SECURITY_QUESTIONNAIRE_COMPLETED -> questionnaire(condition);
        case SUPPORT_CONTACTED_WITHIN_WORKING_DAYS -> supportContact(condition);
        case ACCOUNT_IN_GOOD_STANDING -> standing(condition);
        case LOSS_FROM_TRANSFER_OUT -> loss(condition);
      };
    }

    private ConditionResult mfa(MinimumCondition condition) {
      Claim.Mfa mfa = claim.mfa();
      if (mfa == null) {
        return unknown(condition, "$.mfa");
      }
      if (!mfa.enabled()) {
        return result(
            condition, ConditionStatus.NOT_MET, List.of("MFA was not enabled"), List.of());
      }
      List<String> details = new ArrayList<>();
      Set<String> unknown = new LinkedHashSet<>();
      boolean failed = false;
      if (mfa.allTransactionTypes() == null) {
        unknown.add("$.mfa.allTransactionTypes");
      } else if (!mfa.allTransactionTypes()) {
        details.add("MFA was not enabled for every transaction type that offers it");
        failed = true;
      }
      return daysBefore(
          condition, "MFA", mfa.enabledOn(), "$.mfa.enabledOn", details, unknown, failed);
    }

    private ConditionResult antiPhishingCode(MinimumCondition condition) {
      Claim.AntiPhishingCode code = claim.antiPhishingCode();
      if (code == null) {
        return unknown(condition, "$.antiPhishingCode");
      }
      if (!code.enabled()) {
        return result(
            condition,
            ConditionStatus.NOT_MET,
            List.of("no anti-phishing code was set"),
            List.of());
      }
      return daysBefore(
          condition,
          "the anti-phishing code",
          code.enabledOn(),
          "$.antiPhishingCode.enabledOn",
          new ArrayList<>(),
          new LinkedHashSet<>(),
          false);
    }

    /**
     * Checks that {@code enabledOn} is at least {@code condition.days()} before every transaction.
     */
    private ConditionResult daysBefore(
        MinimumCondition condition,
        String control,
        LocalDate enabledOn,
        String path,
        List<String> details,
        Set<String> unknown,
        boolean failedForClaim) {
      int days = condition.days();
      List<Integer> failingTx = new ArrayList<>();
      if (enabledOn == null) {
        unknown.add(path);
      } else {
        for (int index : candidates) {
          LocalDate txDate = coverage.get(index).date();
          long before = ChronoUnit.DAYS.between(enabledOn, txDate);
          if (before < days) {
            failingTx.add(index);
            details.add(
                "transactions["
                    + index
                    + "] on "
                    + txDate
                    + ": "
                    + control
                    + " enabled on "
                    + enabledOn
                    + ", "
                    + describeDays(before)
                    + "; needs "
                    + days
                    + " (enabled on or before "
                    + txDate.minusDays(days)
                    + ")");
          }
        }
        if (failingTx.isEmpty() && !failedForClaim) {
          details.add(
              control
                  + " enabled on "
                  + enabledOn
                  + ", at least "
                  + days
                  + " days before every transaction");
        }
      }
      ConditionStatus status =
          failedForClaim || !failingTx.isEmpty()
              ? ConditionStatus.NOT_MET
              : unknown.isEmpty() ? ConditionStatus.MET : ConditionStatus.UNKNOWN;
      return new ConditionResult(
          condition.number(),
          condition.id(),
          condition.text(),
          status,
          details,
          failedForClaim ? List.of() : failingTx,
          List.copyOf(unknown));
    }

    private String describeDays(long before) {
      if (before < 0) {
        return (-before) + " day(s) after the transaction";
      }
      return before + " day(s) before";
    }

    private ConditionResult flag(
        MinimumCondition condition,
        Boolean value,
        boolean required,
        String path,
        String metText,
        String failedText) {
      if (value == null) {
        return unknown(condition, path);
      }
      return value == required
          ? result(condition, ConditionStatus.MET, List.of(metText), List.of())
          : result(condition, ConditionStatus.NOT_MET, List.of(failedText), List.of());
    }

    private ConditionResult policeReport(MinimumCondition condition) {
      Claim.PoliceReport report = claim.policeReport();
      if (report == null) {
        return unknown(condition, "$.policeReport");
      }
      if (!report.filed()) {
        return result(
            condition,
            ConditionStatus.OUTSTANDING,
            List.of("no police report filed yet: file one locally about the transactions"),
            List.of());
      }
      String filed = report.filedOn() == null ? "filed" : "filed on " + report.filedOn();
      if (report.language() == null) {
        return unknown(condition, "$.policeReport.language");
      }
      if (report.inEnglish()) {
        return result(
            condition,
            ConditionStatus.MET,
            List.of("police report " + filed + ", in English"),
            List.of());
      }
      if (report.englishTranslationProvided() == null) {
        return unknown(condition, "$.policeReport.englishTranslationProvided");
      }
      return report.englishTranslationProvided()
          ? result(
              condition,
              ConditionStatus.MET,
              List.of(
                  "police report "
                      + filed
                      + " in language \""
                      + report.language()
                      + "\", with an English translation"),
              List.of())
          : result(
              condition,
              ConditionStatus.OUTSTANDING,
              List.of(
                  "police report "
                      + filed
                      + " in language \""
                      + report.language()
                      + "\": an English translation must be provided"),
              List.of());
    }

    private ConditionResult questionnaire(MinimumCondition condition) {
      Boolean completed = claim.securityQuestionnaireCompleted();
      if (completed == null) {
        return unknown(condition, "$.securityQuestionnaireCompleted");
      }
      return completed
          ? result(
              condition,
              ConditionStatus.MET,
              List.of(
                  "questionnaire completed; whether the answers satisfy the exchange is decided in"
                      + " its forensic investigation"),
              List.of())
          : result(
              condition,
              ConditionStatus.OUTSTANDING,
              List.of("the exchange's security questionnaire has not been completed yet"),
              List.of());
    }

    private ConditionResult supportContact(MinimumCondition condition) {
      Claim.SupportContact contact = claim.supportContact();
      if (contact == null) {
        return unknown(condition, "$.supportContact");
      }
      int workingDays = condition.workingDays();
      List<String> details = new ArrayList<>();
      List<Integer> failing = new ArrayList<>();
      if (!contact.contacted()) {
        LocalDate earliestOpen = null;
        for (int index : candidates) {
          LocalDate txDate = coverage.get(index).date();
          LocalDate lastDay = claim.calendar().addWorkingDays(txDate, workingDays);
          if (lastDay.isBefore(claim.evaluatedOn())) {
            failing.add(index);
            details.add(
                "transactions["
                    + index
                    + "] on "
                    + txDate
                    + ": support not contacted by "
                    + lastDay
                    + " (working day "
                    + workingDays
                    + "), too late now");
          } else if (earliestOpen == null || lastDay.isBefore(earliestOpen)) {
            earliestOpen = lastDay;
          }
        }
        if (!failing.isEmpty()) {
          return result(condition, ConditionStatus.NOT_MET, details, failing);
        }
        details.add(
            "support not contacted yet: contact support by "
                + earliestOpen
                + " (working day "
                + workingDays
                + " after the first transaction)");
        return result(condition, ConditionStatus.OUTSTANDING, details, List.of());
      }
      LocalDate contactedOn = contact.contactedOn();
      if (contactedOn == null) {
        return unknown(condition, "$.supportContact.contactedOn");
      }
      for (int index : candidates) {
        LocalDate txDate = coverage.get(index).date();
        LocalDate lastDay = claim.calendar().addWorkingDays(txDate, workingDays);
        if (contactedOn.isAfter(lastDay)) {
          failing.add(index);
          details.add(
              "transactions["
                  + index
                  + "] on "
                  + txDate
                  + ": support contacted on "
                  + contactedOn
                  + ", working day "
                  + claim.calendar().workingDaysAfter(txDate, contactedOn)
                  + "; the last day was "
                  + lastDay
                  + " (working day "
                  + workingDays
                  + ")");
        }
      }
      if (failing.isEmpty()) {
        details.add(
            "support contacted on "
                + contactedOn
                + ", within "
                + workingDays
                + " working days of every transaction");
        return result(condition, ConditionStatus.MET, details, List.of());
      }
      return result(condition, ConditionStatus.NOT_MET, details, failing);
    }

    private ConditionResult standing(MinimumCondition condition) {
      Boolean good = claim.accountInGoodStanding();
      Boolean pending = claim.pendingInvestigation();
      List<String> details = new ArrayList<>();
      if (Boolean.FALSE.equals(good)) {
        details.add("the account is not in good standing");
      }
      if (Boolean.TRUE.equals(pending)) {
        details.add("an investigation of the account is pending");
      }
      if (!details.isEmpty()) {
        return result(condition, ConditionStatus.NOT_MET, details, List.of());
      }
      List<String> unknown = new ArrayList<>();
      if (good == null) {
        unknown.add("$.accountInGoodStanding");
      }
      if (pending == null) {
        unknown.add("$.pendingInvestigation");
      }
      if (!unknown.isEmpty()) {
        return new ConditionResult(
            condition.number(),
            condition.id(),
            condition.text(),
            ConditionStatus.UNKNOWN,
            List.of(),
            List.of(),
            unknown);
      }
      return result(
          condition,
          ConditionStatus.MET,
          List.of("account in good standing, no pending investigation"),
          List.of());
    }

    private ConditionResult loss(MinimumCondition condition) {
      List<String> details = new ArrayList<>();
      boolean anyLoss = false;
      for (int index : candidates) {
        TransactionCoverage tx = coverage.get(index);
        if (tx.unrecoveredAmount().signum() > 0) {
          anyLoss = true;
        } else {
          details.add(
              "transactions["
                  + index
                  + "]: the whole "
                  + Money.plain(tx.amount())
                  + " "
                  + tx.asset()
                  + " was returned, so nothing is lost");
        }
      }
      if (!anyLoss) {
        return result(condition, ConditionStatus.NOT_MET, details, List.of());
      }
      details.add(0, "funds left the account and were not (fully) returned");
      return result(condition, ConditionStatus.MET, details, List.of());
    }

    private ConditionResult result(
        MinimumCondition condition,
        ConditionStatus status,
        List<String> details,
        List<Integer> failing) {
      return new ConditionResult(
          condition.number(),
          condition.id(),
          condition.text(),
          status,
          details,
          failing,
          List.of());
    }

    private ConditionResult unknown(MinimumCondition condition, String path) {
      return new ConditionResult(
          condition.number(),
          condition.id(),
          condition.text(),
          ConditionStatus.UNKNOWN,
          List.of(),
          List.of(),
          List.of(path));
    }

    private void need(String path, String reason) {
      missing.putIfAbsent(path, new MissingInformation(path, reason));
    }

    // deadline and recovery

    private ClaimDeadline deadline() {
      Optional<MinimumCondition> contact =
          programme.minimumConditions().stream()
              .filter(c -> c.check() == ConditionCheck.SUPPORT_CONTACTED_WITHIN_WORKING_DAYS)
              .findFirst();
      if (contact.isEmpty()) {
        return null;
      }
      LocalDate first =
          candidates.stream()
              .map(i -> coverage.get(i).date())
              .min(Comparator.naturalOrder())
              .orElseThrow();
      int workingDays = contact.get().workingDays();
      LocalDate lastDay = claim.calendar().addWorkingDays(first, workingDays);
      LocalDate contactedOn =
          claim.supportContact() == null ? null : claim.supportContact().contactedOn();
      return new ClaimDeadline(
          first, workingDays, lastDay, contactedOn, lastDay.isBefore(claim.evaluatedOn()));
    }

    private RecoveryEstimate estimate(List<ConditionResult> conditions) {
      Claim.Valuation valuation = claim.valuation();
      if (valuation == null) {
        return null;
      }
      boolean failsForWholeClaim =
          conditions.stream()
              .anyMatch(
                  c -> c.status() == ConditionStatus.NOT_MET && c.failingTransactions().isEmpty());
      if (failsForWholeClaim) {
        return null;
      }
      Set<Integer> failingTx = new LinkedHashSet<>();
      conditions.stream()
          .filter(c -> c.status() == ConditionStatus.NOT_MET)
          .forEach(c -> failingTx.addAll(c.failingTransactions()));
      List<Integer> eligible =
          candidates.stream()
              .filter(i -> !failingTx.contains(i))
              .sorted(
                  Comparator.comparing((Integer i) -> claim.transactions().get(i).time())
                      .thenComparing(Comparator.naturalOrder()))
              .toList();
      if (eligible.isEmpty()) {
        return null;
      }

      List<MissingInformation> missingPrices = new ArrayList<>();
      List<TransactionRecovery> rows = new ArrayList<>();
      BigDecimal cap = programme.capUsd();
      BigDecimal remaining = cap;
      BigDecimal lossUsd = BigDecimal.ZERO;
      for (int index : eligible) {
        Claim.Transaction tx = claim.transactions().get(index);
        AssetKind kind = tx.type().assetKind();
        BigDecimal lost = tx.unrecoveredAmount();
        Optional<BigDecimal> price = valuation.usdPerUnit(tx.asset(), kind);
        if (price.isEmpty()) {
          String path = kind == AssetKind.FIAT ? "$.valuation.fxRates" : "$.valuation.prices";
          missingPrices.add(
              new MissingInformation(
                  path,
                  "no USD "
                      + (kind == AssetKind.FIAT ? "rate" : "price")
                      + " for "
                      + tx.asset()
                      + " on the payment date "
                      + valuation.paymentDate()));
          rows.add(
              new TransactionRecovery(
                  index, tx.asset(), kind, lost, null, null, null, null, false));
          continue;
        }
        BigDecimal usdPerUnit = price.get();
        BigDecimal txLossUsd = lost.multiply(usdPerUnit);
        lossUsd = lossUsd.add(txLossUsd);
        BigDecimal amount;
        BigDecimal usd;
        boolean limited;
        if (txLossUsd.compareTo(remaining) <= 0) {
          amount = lost;
          usd = txLossUsd;
          limited = false;
        } else {
          int scale =
              kind == AssetKind.FIAT
                  ? Codes.fractionDigits(tx.asset())
                  : Math.max(lost.scale(), MIN_ASSET_SCALE);
          amount = remaining.divide(usdPerUnit, scale, RoundingMode.DOWN);
          usd = amount.multiply(usdPerUnit);
          limited = true;
        }
        remaining = remaining.subtract(usd);
        rows.add(
            new TransactionRecovery(
                index, tx.asset(), kind, lost, usdPerUnit, txLossUsd, amount, usd, limited));
      }
      boolean complete = missingPrices.isEmpty();
      return new RecoveryEstimate(
          valuation.paymentDate(),
          cap,
          rows,
          complete ? lossUsd : null,
          complete ? cap.subtract(remaining) : null,
          complete && lossUsd.compareTo(cap) > 0,
          missingPrices,
          "Each eligible transaction's unrecovered amount valued at the USD price or rate on the"
              + " payment date "
              + valuation.paymentDate()
              + "; the cap of USD "
              + Money.plain(cap)
              + " applied across the claim in time order. An estimate: the exchange decides what"
              + " it pays.");
    }
  }
}
