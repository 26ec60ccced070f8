package io.cexsafe.protection;

import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.internal.ClaimParser;
import io.cexsafe.protection.internal.JsonPathException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A claim under a protection programme: what happened, the transactions, and the claimant's
 * security settings and steps taken. A {@code null} component means "not known yet"; the evaluator
 * answers such a claim with {@link ClaimAssessment.Outcome#INFORMATION_NEEDED} naming the JSON path
 * to fill in. The JSON format is documented in {@code docs/account-protection.md}.
 *
 * @param programmeId the programme the claim is made under, e.g. {@code crypto-com-app}
 * @param evaluatedOn the date the claim is judged on (in {@code timeZone})
 * @param timeZone the claimant's time zone: transaction times become calendar dates in it
 * @param country ISO 3166-1 alpha-2 code of the claimant's country of residence, or null
 * @param kycCompleted whether the claimant completed KYC, or null
 * @param accountInGoodStanding whether the account is in good standing, or null
 * @param pendingInvestigation whether an investigation of the account is pending, or null
 * @param cause how the loss came about, or null
 * @param transactions the transactions claimed for, at least one
 * @param mfa the claimant's multi-factor authentication, or null
 * @param antiPhishingCode the claimant's anti-phishing code, or null
 * @param withdrawalLockEnabled whether the withdrawal lock for new whitelisted addresses was on, or
 *     null
 * @param jailbrokenDevice whether the device used with the account was jailbroken or rooted, or
 *     null
 * @param policeReport the police report, or null
 * @param securityQuestionnaireCompleted whether the exchange's security questionnaire was
 *     completed, or null
 * @param supportContact when support was contacted to start the claim, or null
 * @param valuation prices on the payment date for the recovery estimate, or null for no estimate
 * @param calendar working days for the claim deadline
 */
public record Claim(
    String programmeId,
    LocalDate evaluatedOn,
    ZoneId timeZone,
    String country,
    Boolean kycCompleted,
    Boolean accountInGoodStanding,
    Boolean pendingInvestigation,
    IncidentCause cause,
    List<Transaction> transactions,
    Mfa mfa,
    AntiPhishingCode antiPhishingCode,
    Boolean withdrawalLockEnabled,
    Boolean jailbrokenDevice,
    PoliceReport policeReport,
    Boolean securityQuestionnaireCompleted,
    SupportContact supportContact,
    Valuation valuation,
    WorkingDayCalendar calendar) {

  /**
   * Validates the components, copying its lists.
   *
   * @param programmeId the programme the claim is made under, e.g. {@code crypto-com-app}
   * @param evaluatedOn the date the claim is judged on (in {@code timeZone})
   * @param timeZone the claimant's time zone: transaction times become calendar dates in it
   * @param country ISO 3166-1 alpha-2 code of the claimant's country of residence, or null
   * @param kycCompleted whether the claimant completed KYC, or null
   * @param accountInGoodStanding whether the account is in good standing, or null
   * @param pendingInvestigation whether an investigation of the account is pending, or null
   * @param cause how the loss came about, or null
   * @param transactions the transactions claimed for, at least one
   * @param mfa the claimant's multi-factor authentication, or null
   * @param antiPhishingCode the claimant's anti-phishing code, or null
   * @param withdrawalLockEnabled whether the withdrawal lock for new whitelisted addresses was on,
   *     or null
   * @param jailbrokenDevice whether the device used with the account was jailbroken or rooted, or
   *     null
   * @param policeReport the police report, or null
   * @param securityQuestionnaireCompleted whether the exchange's security questionnaire was
   *     completed, or null
   * @param supportContact when support was contacted to start the claim, or null
   * @param valuation prices on the payment date for the recovery estimate, or null for no estimate
   * @param calendar working days for the claim deadline
   */
  public Claim {
    Objects.requireNonNull(programmeId, "programmeId");
    Objects.requireNonNull(evaluatedOn, "evaluatedOn");
    Objects.requireNonNull(timeZone, "timeZone");
    country = country == null ? null : country.toUpperCase(Locale.ROOT);
    transactions = List.copyOf(transactions);
    if (transactions.isEmpty()) {
      throw new IllegalArgumentException("a claim needs at least one transaction");
    }
    Objects.requireNonNull(calendar, "calendar");
  }

  /**
   * Parses a claim in the documented JSON format. When the document has no {@code evaluatedOn}, the
   * claim is judged on today's date in the claim's time zone according to {@code clock}.
   *
   * @param json the claim document
   * @param source names the document in error messages, e.g. its file name
   * @param clock gives today's date when the document has none
   * @return the claim
   * @throws InvalidInputException naming the source, the JSON path and the problem
   */
  public static Claim fromJson(String json, String source, Clock clock) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(clock, "clock");
    try {
      return ClaimParser.parse(json, clock);
    } catch (JsonPathException e) {
      throw e.in(source);
    }
  }

  /**
   * The calendar date of a transaction in the claimant's time zone.
   *
   * @param transaction one of the claim's transactions
   * @return its local date
   */
  public LocalDate dateOf(Transaction transaction) {
    return transaction.time().atZone(timeZone).toLocalDate();
  }

  /** {@return the earliest transaction (the first unauthorised transaction)} */
  public Transaction earliestTransaction() {
    return transactions.stream().min(Comparator.comparing(Transaction::time)).orElseThrow();
  }

  /**
   * One transaction claimed for.
   *
   * @param time when it happened
   * @param type what it did
   * @param asset the digital asset's symbol (e.g. BTC) or, for fiat, the ISO 4217 currency code
   * @param amount how much of the asset left the account, positive
   * @param destination the address, bank account or (for internal conversions) target asset
   * @param returnedAmount how much of it has already come back (e.g. frozen and returned), 0 if
   *     none
   */
  public record Transaction(
      Instant time,
      TransactionType type,
      String asset,
      BigDecimal amount,
      String destination,
      BigDecimal returnedAmount) {
    /**
     * Validates the components.
     *
     * @param time when it happened
     * @param type what it did
     * @param asset the digital asset's symbol (e.g. BTC) or, for fiat, the ISO 4217 currency code
     * @param amount how much of the asset left the account, positive
     * @param destination the address, bank account or (for internal conversions) target asset
     * @param returnedAmount how much of it has already come back (e.g. frozen and returned), 0 if
     *     none
     */
    public Transaction {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(type, "type");
      asset = Objects.requireNonNull(asset, "asset").toUpperCase(Locale.ROOT);
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(destination, "destination");
      returnedAmount = returnedAmount == null ? BigDecimal.ZERO : returnedAmount;
      if (amount.signum() <= 0) {
        throw new IllegalArgumentException(
            "amount must be positive, was " + amount.toPlainString());
      }
      if (returnedAmount.signum() < 0 || returnedAmount.compareTo(amount) > 0) {
        throw new IllegalArgumentException(
            "returnedAmount must be between 0 and the amount, was "
                + returnedAmount.toPlainString());
      }
    }

    /** {@return what is still lost: the amount less what came back} */
    public BigDecimal unrecoveredAmount() {
      return amount.subtract(returnedAmount);
    }
  }

  /**
   * Multi-factor authentication.
   *
   * @param enabled whether it was enabled at the time of the transactions
   * @param enabledOn when it was enabled, or null when not known
   * @param allTransactionTypes whether it covered every transaction type that offers it, or null
   */
  public record Mfa(boolean enabled, LocalDate enabledOn, Boolean allTransactionTypes) {}

  /**
   * The anti-phishing code.
   *
   * @param enabled whether it was set at the time of the transactions
   * @param enabledOn when it was first set, or null when not known
   */
  public record AntiPhishingCode(boolean enabled, LocalDate enabledOn) {}

  /**
   * The police report.
   *
   * @param filed whether one was filed
   * @param filedOn when, or null
   * @param language ISO 639 code of the report's language, or null when not known
   * @param englishTranslationProvided whether an English translation was provided, or null
   */
  public record PoliceReport(
      boolean filed, LocalDate filedOn, String language, Boolean englishTranslationProvided) {
    /**
     * Normalises the components.
     *
     * @param filed whether one was filed
     * @param filedOn when, or null
     * @param language ISO 639 code of the report's language, or null when not known
     * @param englishTranslationProvided whether an English translation was provided, or null
     */
    public PoliceReport {
      language = language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    /** {@return whether the report is written in English} */
    public boolean inEnglish() {
      return "en".equals(language) || "eng".equals(language);
    }
  }

  /**
   * Contact with support to start the claim.
   *
   * @param contacted whether support has been contacted
   * @param contactedOn when, or null when not known
   */
  public record SupportContact(boolean contacted, LocalDate contactedOn) {}

  /**
   * Prices for the recovery estimate. A programme values recovery on the day it pays, so prices and
   * rates are looked up for {@code paymentDate}; entries for other dates are ignored.
   *
   * @param paymentDate the (expected) payment date
   * @param prices USD prices of digital assets
   * @param fxRates USD per unit of fiat currencies other than USD
   */
  public record Valuation(LocalDate paymentDate, List<UsdPrice> prices, List<UsdPrice> fxRates) {
    /**
     * Validates the components, copying its lists.
     *
     * @param paymentDate the (expected) payment date
     * @param prices USD prices of digital assets
     * @param fxRates USD per unit of fiat currencies other than USD
     */
    public Valuation {
      Objects.requireNonNull(paymentDate, "paymentDate");
      prices = List.copyOf(prices);
      fxRates = List.copyOf(fxRates);
    }

    /**
     * USD per unit of {@code asset} on the payment date; USD itself is 1.
     *
     * @param asset the asset or currency code
     * @param kind whether it is a digital asset or fiat money
     * @return the price, or empty when the claim gives none
     */
    public Optional<BigDecimal> usdPerUnit(String asset, AssetKind kind) {
      if (kind == AssetKind.FIAT && "USD".equals(asset)) {
        return Optional.of(BigDecimal.ONE);
      }
      List<UsdPrice> table = kind == AssetKind.FIAT ? fxRates : prices;
      return table.stream()
          .filter(p -> p.asset().equals(asset) && p.date().equals(paymentDate))
          .map(UsdPrice::usdPerUnit)
          .findFirst();
    }
  }

  /** USD per unit of an asset or currency on a date. */
  public record UsdPrice(String asset, LocalDate date, BigDecimal usdPerUnit) {
    /**
     * Validates the price and upper-cases the asset.
     *
     * @param asset the asset or currency code
     * @param date the date of the price
     * @param usdPerUnit USD per unit, positive
     */
    public UsdPrice {
      asset = Objects.requireNonNull(asset, "asset").toUpperCase(Locale.ROOT);
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(usdPerUnit, "usdPerUnit");
      if (usdPerUnit.signum() <= 0) {
        throw new IllegalArgumentException(
            "usdPerUnit must be positive, was " + usdPerUnit.toPlainString());
      }
    }
  }
}
