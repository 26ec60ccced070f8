package io.cexsafe.protection.internal;

import io.cexsafe.protection.AssetKind;
import io.cexsafe.protection.Claim;
import io.cexsafe.protection.Claim.AntiPhishingCode;
import io.cexsafe.protection.Claim.Mfa;
import io.cexsafe.protection.Claim.PoliceReport;
import io.cexsafe.protection.Claim.SupportContact;
import io.cexsafe.protection.Claim.Transaction;
import io.cexsafe.protection.Claim.UsdPrice;
import io.cexsafe.protection.Claim.Valuation;
import io.cexsafe.protection.IncidentCause;
import io.cexsafe.protection.TransactionType;
import io.cexsafe.protection.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the claim JSON format; see {@code docs/account-protection.md}. */
public final class ClaimParser {
  private ClaimParser() {}

  public static Claim parse(String json, Clock clock) {
    JsonInput root =
        JsonInput.parseObject(json)
            .allowOnly(
                "programme",
                "evaluatedOn",
                "timeZone",
                "country",
                "kycCompleted",
                "accountInGoodStanding",
                "pendingInvestigation",
                "cause",
                "transactions",
                "mfa",
                "antiPhishingCode",
                "withdrawalLock24h",
                "jailbrokenDevice",
                "policeReport",
                "securityQuestionnaireCompleted",
                "supportContact",
                "valuation",
                "calendar");
    String programme = root.string("programme");
    ZoneId zone = root.zone("timeZone");
    LocalDate evaluatedOn =
        root.has("evaluatedOn")
            ? root.date("evaluatedOn")
            : LocalDate.ofInstant(clock.instant(), zone);

    String country = root.nullableString("country");
    if (country != null) {
      country = Codes.country(root.path("country"), country);
    }

    List<JsonInput> txNodes = root.array("transactions");
    if (txNodes.isEmpty()) {
      throw new JsonPathException(root.path("transactions"), "needs at least one transaction");
    }
    List<Transaction> transactions = new ArrayList<>();
    for (JsonInput t : txNodes) {
      transactions.add(transaction(t.asObject(), zone, evaluatedOn));
    }

    Mfa mfa = null;
    JsonInput mfaNode = root.nullableObject("mfa");
    if (mfaNode != null) {
      mfaNode.allowOnly("enabled", "enabledOn", "allTransactionTypes");
      boolean enabled = mfaNode.bool("enabled");
      mfa =
          enabled
              ? new Mfa(
                  true,
                  notAfter(mfaNode, "enabledOn", mfaNode.nullableDate("enabledOn"), evaluatedOn),
                  mfaNode.nullableBool("allTransactionTypes"))
              : new Mfa(false, null, null);
    }

    AntiPhishingCode apc = null;
    JsonInput apcNode = root.nullableObject("antiPhishingCode");
    if (apcNode != null) {
      apcNode.allowOnly("enabled", "enabledOn");
      boolean enabled = apcNode.bool("enabled");
      apc =
          new AntiPhishingCode(
              enabled,
              enabled
                  ? notAfter(apcNode, "enabledOn", apcNode.nullableDate("enabledOn"), evaluatedOn)
                  : null);
    }

    PoliceReport report = null;
    JsonInput reportNode = root.nullableObject("policeReport");
    if (reportNode != null) {
      reportNode.allowOnly("filed", "filedOn", "language", "englishTranslationProvided");
      boolean filed = reportNode.bool("filed");
      if (filed) {
        String language = reportNode.nullableString("language");
        report =
            new PoliceReport(
                true,
                notAfter(reportNode, "filedOn", reportNode.optionalDate("filedOn"), evaluatedOn),
                language == null ? null : Codes.language(reportNode.path("language"), language),
                reportNode.nullableBool("englishTranslationProvided"));
      } else {
        report = new PoliceReport(false, null, null, null);
      }
    }

    SupportContact contact = null;
    JsonInput contactNode = root.nullableObject("supportContact");
    if (contactNode != null) {
      contactNode.allowOnly("contacted", "contactedOn");
      boolean contacted = contactNode.bool("contacted");
      contact =
          new SupportContact(
              contacted,
              contacted
                  ? notAfter(
                      contactNode,
                      "contactedOn",
                      contactNode.nullableDate("contactedOn"),
                      evaluatedOn)
                  : null);
    }

    Valuation valuation = null;
    JsonInput valuationNode = root.optionalObject("valuation");
    if (valuationNode != null) {
      valuationNode.allowOnly("paymentDate", "prices", "fxRates");
      valuation =
          new Valuation(
              valuationNode.date("paymentDate"),
              prices(valuationNode.optionalArray("prices"), AssetKind.DIGITAL_ASSET),
              prices(valuationNode.optionalArray("fxRates"), AssetKind.FIAT));
    }

    WorkingDayCalendar calendar = WorkingDayCalendar.weekendsOnly();
    JsonInput calendarNode = root.optionalObject("calendar");
    if (calendarNode != null) {
      calendar = calendar(calendarNode);
    }

    return new Claim(
        programme,
        evaluatedOn,
        zone,
        country,
        root.nullableBool("kycCompleted"),
        root.nullableBool("accountInGoodStanding"),
        root.nullableBool("pendingInvestigation"),
        root.nullableEnum("cause", IncidentCause.class),
        transactions,
        mfa,
        apc,
        root.nullableBool("withdrawalLock24h"),
        root.nullableBool("jailbrokenDevice"),
        report,
        root.nullableBool("securityQuestionnaireCompleted"),
        contact,
        valuation,
        calendar);
  }

  /** Reads the optional {@code calendar} object: weekend days and holidays. */
  public static WorkingDayCalendar calendar(JsonInput node) {
    node.allowOnly("weekend", "holidays");
    Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    if (node.has("weekend")) {
      weekend = EnumSet.noneOf(DayOfWeek.class);
      for (JsonInput day : node.array("weekend")) {
        weekend.add(day.asEnum(DayOfWeek.class));
      }
      if (weekend.size() == 7) {
        throw new JsonPathException(node.path("weekend"), "leaves no working day");
      }
    }
    List<LocalDate> holidays = new ArrayList<>();
    for (JsonInput day : node.optionalArray("holidays")) {
      holidays.add(day.asDate());
    }
    return WorkingDayCalendar.of(weekend, holidays);
  }

  private static Transaction transaction(JsonInput t, ZoneId zone, LocalDate evaluatedOn) {
    t.allowOnly("time", "type", "asset", "amount", "destination", "returnedAmount");
    Instant time = t.instant("time");
    if (time.atZone(zone).toLocalDate().isAfter(evaluatedOn)) {
      throw new JsonPathException(
          t.path("time"), "is after evaluatedOn " + evaluatedOn + " (in " + zone.getId() + ")");
    }
    TransactionType type = t.enumValue("type", TransactionType.class);
    String asset = t.string("asset");
    if (type.assetKind() == AssetKind.FIAT) {
      asset = Codes.currency(t.path("asset"), asset);
    } else {
      asset = Codes.assetSymbol(t.path("asset"), asset);
    }
    BigDecimal amount = t.decimal("amount");
    if (amount.signum() <= 0) {
      throw new JsonPathException(
          t.path("amount"), "must be positive, was " + amount.toPlainString());
    }
    BigDecimal returned = t.optionalDecimal("returnedAmount");
    if (returned != null && (returned.signum() < 0 || returned.compareTo(amount) > 0)) {
      throw new JsonPathException(
          t.path("returnedAmount"),
          "must be between 0 and amount "
              + amount.toPlainString()
              + ", was "
              + returned.toPlainString());
    }
    return new Transaction(time, type, asset, amount, t.string("destination"), returned);
  }

  private static List<UsdPrice> prices(List<JsonInput> nodes, AssetKind kind) {
    String key = kind == AssetKind.FIAT ? "currency" : "asset";
    List<UsdPrice> prices = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonInput p : nodes) {
      p.asObject().allowOnly(key, "date", "usdPerUnit");
      String asset =
          kind == AssetKind.FIAT
              ? Codes.currency(p.path(key), p.string(key))
              : Codes.assetSymbol(p.path(key), p.string(key));
      LocalDate date = p.date("date");
      BigDecimal usd = p.decimal("usdPerUnit");
      if (usd.signum() <= 0) {
        throw new JsonPathException(
            p.path("usdPerUnit"), "must be positive, was " + usd.toPlainString());
      }
      if (!seen.add(asset + "@" + date)) {
        throw new JsonPathException(p.path(), "second entry for " + asset + " on " + date);
      }
      prices.add(new UsdPrice(asset, date, usd));
    }
    return prices;
  }

  private static LocalDate notAfter(
      JsonInput node, String key, LocalDate value, LocalDate evaluatedOn) {
    if (value != null && value.isAfter(evaluatedOn)) {
      throw new JsonPathException(node.path(key), value + " is after evaluatedOn " + evaluatedOn);
    }
    return value;
  }
}
