package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.Governance;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** Rules of the Regulation &amp; Licensing pillar. */
final class RegulationRules {
  private RegulationRules() {}

  /**
   * Strength of a regime, by regulator acronym. Licensing regimes with conduct, capital and custody
   * rules are 1.0; the UK's cryptoasset registration (AML, with financial promotion rules) 0.7;
   * AML-only registrations 0.5. Regulators not listed count 0.5.
   */
  static final Map<String, Double> REGIME_STRENGTH =
      Map.ofEntries(
          Map.entry("NYDFS", 1.0),
          Map.entry("SEC", 1.0),
          Map.entry("CFTC", 1.0),
          Map.entry("MAS", 1.0),
          Map.entry("SFC", 1.0),
          Map.entry("FINMA", 1.0),
          Map.entry("BAFIN", 1.0),
          Map.entry("JFSA", 1.0),
          Map.entry("FSA", 1.0),
          Map.entry("ESMA", 1.0),
          Map.entry("CBI", 1.0),
          Map.entry("AMF", 1.0),
          Map.entry("CYSEC", 1.0),
          Map.entry("MFSA", 1.0),
          Map.entry("AFM", 1.0),
          Map.entry("CONSOB", 1.0),
          Map.entry("ASIC", 1.0),
          Map.entry("FSRA", 1.0),
          Map.entry("VARA", 0.8),
          Map.entry("OSC", 0.8),
          Map.entry("CIRO", 0.8),
          Map.entry("FCA", 0.7),
          Map.entry("FINCEN", 0.5),
          Map.entry("AUSTRAC", 0.5),
          Map.entry("FINTRAC", 0.5));

  static final double DEFAULT_STRENGTH = 0.5;

  private static final Set<String> EU =
      Set.of(
          "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
          "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "EU");

  /** Major regions for breadth; EU member states count as the EU. */
  static final Map<String, String> REGIONS = regions();

  private static Map<String, String> regions() {
    Map<String, String> regions = new TreeMap<>();
    for (String code : EU) {
      regions.put(code, "EU");
    }
    for (String code : List.of("GB", "US", "SG", "JP", "AU", "AE", "CA", "HK", "CH")) {
      regions.put(code, code);
    }
    return regions;
  }

  /** Weighted licences: confirmed ones earn all points at 2.5, claims alone at most half. */
  static final Tally LICENCES = new Tally(60, 2.5, 0.5, Label.NUMBER, Label.NUMBER);

  /** Major regions: confirmed ones earn all points at four, claimed-only ones at most half. */
  static final Tally BREADTH = new Tally(15, 4, 0.5, Label.REGIONS, Label.SHARE);

  /** What a region with only a claimed licence counts. */
  static final double CLAIMED_REGION = 0.5;

  /** What a licence outside the major regions counts, and all of them together at most. */
  static final double OTHER_JURISDICTION = 0.25;

  static final double OTHERS_AT_MOST = 0.5;

  static final Table WARNINGS = Table.best("clean", 10).then("resolved", 5).then("open", 0);

  static final Table STATEMENTS = Table.best("published", 10).then("none", 0);

  static final Scale OPERATING_ENTITY = Scale.max(5);

  static List<Rule> rules() {
    Pillar p = Pillar.REGULATION;
    return List.of(
        Rule.declared(
                "regulation.verified-licences",
                p,
                "Verified licences and registrations",
                LICENCES,
                "Each licence (after conflict resolution) is worth its regime's strength (1.0 for"
                    + " licensing regimes such as NYDFS, MAS, SFC, FINMA, BaFin, JFSA and MiCA"
                    + " authorisations; 0.8 VARA and Canadian securities regulators; 0.7 the FCA's"
                    + " cryptoasset registration; 0.5 AML-only registrations such as FinCEN, AUSTRAC,"
                    + " FINTRAC and any regulator not listed) times its status: active and matched by"
                    + " register identifier 1, active matched by name only 0.75, claimed but not"
                    + " confirmed by any register 0.5 (at most half), lapsed, revoked, warned or not"
                    + " found 0; times 0.85 unless its activities mention custody or safeguarding."
                    + " Each licence's regime strength is also capped by its kind, read from its register"
                    + " name and activities: a preparatory, in-principle, MVP, provisional or sandbox"
                    + " licence counts at most 0.25, an AML or VASP registration at most 0.5, a full"
                    + " licence or authorisation by the regulator's strength."
                    + " Points are {max} times the register-confirmed sum over {fullAt} (at most 1)"
                    + " plus the claimed sum over {fullAt} (at most {claims}, so claims alone never"
                    + " earn more than half), capped at {max}. Unknown without any licence fact; checked absent (0) when a"
                    + " register search found no entry and no licence is claimed.",
                "A licence confirmed at the regulator's own register binds the exchange to capital,"
                    + " conduct and custody rules that a claim on a web page does not; regimes differ"
                    + " greatly in what they require.",
                Evaluation.VERIFIED_LICENCES)
            .absentWhenSearched(SearchTopic.LICENCE),
        Rule.declared(
                "regulation.jurisdiction-breadth",
                p,
                "Breadth across major jurisdictions",
                BREADTH.with(
                    Map.of(
                        "claimedRegion",
                        Fmt.num(CLAIMED_REGION),
                        "others",
                        Fmt.num(OTHERS_AT_MOST))),
                "Regions with an active licence count 1, with only a claimed one {claimedRegion}:"
                    + " the UK, the EU"
                    + " (any member state or a MiCA authorisation), the US, Singapore, Japan,"
                    + " Australia, the UAE, Canada, Hong Kong and Switzerland; all other jurisdictions"
                    + " together count at most {others}. {max} points at {fullAt} regions,"
                    + " proportionally fewer below; regions with only claims add at most {claims} of"
                    + " the {max}. Unknown without"
                    + " any licence fact; checked absent (0) when a register search found nothing.",
                "An exchange supervised in several demanding places has more to lose from misconduct"
                    + " and more supervisors looking.",
                Evaluation.BREADTH)
            .absentWhenSearched(SearchTopic.LICENCE),
        Rule.declared(
            "regulation.no-warnings",
            p,
            "No regulator warnings or enforcement",
            WARNINGS,
            "{clean} points when registers were consulted (a register-confirmed licence entry or"
                + " a warning list result exists) and show no warning; {resolved} when every"
                + " warning is resolved; {open} with an unresolved warning or a licence that is warned, revoked or lapsed"
                + " (each also a red flag). A search of a warning list or register that found"
                + " nothing counts as consulted. Unknown when no register was consulted.",
            "A regulator's public warning is the strongest signal a supervisor gives without"
                + " closing a firm down.",
            Evaluation.NO_WARNINGS),
        Rule.declared(
                "regulation.financial-statements",
                p,
                "Audited financial statements or public filings",
                STATEMENTS,
                "{published} points when audited financial statements of the operating group are"
                    + " published (a public company's regulator-required filings count), {none}"
                    + " when a source"
                    + " states they are not; the most trusted, then newest, statement decides."
                    + " Credited by evidence class. Unknown when nothing is stated; checked absent"
                    + " (0) when a search for statements or filings found none.",
                "Audited accounts show whether the firm is solvent and how it is run; FTX never"
                    + " published any, and its collapse showed why that mattered.",
                Evaluation.FINANCIAL_STATEMENTS)
            .absentWhenSearched(SearchTopic.FINANCIAL_STATEMENTS)
            .discountingClaims(),
        Rule.declared(
                "regulation.operating-entity",
                p,
                "Operating entity named",
                OPERATING_ENTITY,
                "{max} points when the legal entity that holds customer assets is named (by a"
                    + " governance statement, or by a register-confirmed active licence). Credited"
                    + " by evidence class. Unknown otherwise.",
                "A customer can only claim against a named legal entity; an exchange that does not"
                    + " say which entity holds the assets leaves users unable to tell whose"
                    + " bankruptcy they would be in.",
                Evaluation.OPERATING_ENTITY)
            .discountingClaims());
  }

  static double strength(Licence licence) {
    String regulator = licence.regulator().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    return REGIME_STRENGTH.getOrDefault(regulator, DEFAULT_STRENGTH);
  }

  static double statusFactor(Licence licence) {
    return switch (licence.status()) {
      case ACTIVE -> licence.matchBasis() == MatchBasis.NAME ? 0.75 : 1.0;
      case CLAIMED -> 0.5;
      default -> 0;
    };
  }

  static double activityFactor(Licence licence) {
    for (String activity : licence.activities()) {
      String a = activity.toLowerCase(Locale.ROOT);
      if (a.contains("custod") || a.contains("safeguard") || a.contains("safekeep")) {
        return 1.0;
      }
    }
    return 0.85;
  }

  /** The kind of permission, read from the register's name and the activities. */
  enum Kind {
    AUTHORISATION(1.0),
    AML_REGISTRATION(0.5),
    PREPARATORY(0.25);

    final double cap;

    Kind(double cap) {
      this.cap = cap;
    }
  }

  private static final List<String> PREPARATORY_WORDS =
      List.of("preparatory", "in-principle", "in principle", "mvp", "provisional", "sandbox");
  private static final List<String> REGISTRATION_WORDS =
      List.of("registration", "registered", "aml", "anti-money", "vasp", "msb", "money services");

  static Kind kind(Licence licence) {
    StringBuilder text = new StringBuilder();
    text.append(licence.register() == null ? "" : licence.register()).append(' ');
    for (String activity : licence.activities()) {
      text.append(activity).append(' ');
    }
    String t = text.toString().toLowerCase(Locale.ROOT);
    if (containsAny(t, PREPARATORY_WORDS)) {
      return Kind.PREPARATORY;
    }
    if (containsAny(t, REGISTRATION_WORDS)) {
      return Kind.AML_REGISTRATION;
    }
    return Kind.AUTHORISATION;
  }

  private static boolean containsAny(String text, List<String> words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  static double value(Licence licence) {
    return Math.min(strength(licence), kind(licence).cap)
        * statusFactor(licence)
        * activityFactor(licence);
  }

  private static Outcome financialStatements(ScoringContext ctx) {
    ScoringContext.Choice<Governance> statements =
        ctx.winner(
            Governance.class,
            Property.AUDITED_STATEMENTS,
            Property.AUDITED_STATEMENTS_DISAGREE,
            "audited financial statements");
    if (statements.isEmpty()) {
      return Outcome.unknown("no statement on audited financial statements")
          .withFindings(statements.conflicts());
    }
    Item<Governance> i = statements.get();
    return Outcome.known(
            STATEMENTS.points(i.fact().auditedFinancialStatements() ? "published" : "none"),
            i.fact().auditedFinancialStatements() ? "published" : "none",
            i.fact().auditedFinancialStatements()
                ? "audited financial statements or filings published"
                : "no audited financial statements",
            i)
        .withFindings(statements.conflicts());
  }

  private static Outcome operatingEntity(ScoringContext ctx) {
    Optional<Item<Governance>> named =
        ctx.current(Governance.class, Property.OPERATING_ENTITY).stream()
            .min(ScoringContext.WINNER_FIRST);
    if (named.isPresent()) {
      return Outcome.known(
          OPERATING_ENTITY.max(),
          named.get().fact().operatingEntity(),
          "operated by " + named.get().fact().operatingEntity(),
          named.get());
    }
    Item<Licence> licensed = null;
    for (Item<Licence> item : ctx.current(Licence.class)) {
      if (item.fact().status() == LicenceStatus.ACTIVE
          && (licensed == null || ScoringContext.WINNER_FIRST.compare(item, licensed) < 0)) {
        licensed = item;
      }
    }
    if (licensed == null) {
      return Outcome.unknown("no operating entity named");
    }
    return Outcome.known(
        OPERATING_ENTITY.max(),
        licensed.fact().entityName(),
        "register names " + licensed.fact().entityName(),
        licensed);
  }

  private static Outcome verifiedLicences(ScoringContext ctx) {
    List<Item<Licence>> licences = ctx.current(Licence.class);
    if (licences.isEmpty()) {
      return Outcome.unknown("no licence found or claimed");
    }
    double verifiedSum = 0;
    double claimedSum = 0;
    int active = 0;
    int claimed = 0;
    for (Item<Licence> item : licences) {
      if (item.fact().status() == LicenceStatus.CLAIMED) {
        claimedSum += value(item.fact());
        claimed++;
      } else {
        verifiedSum += value(item.fact());
        active += item.fact().status() == LicenceStatus.ACTIVE ? 1 : 0;
      }
    }
    double sum = verifiedSum + claimedSum;
    double points = LICENCES.points(verifiedSum, claimedSum, 0);
    String value =
        active
            + " active, "
            + claimed
            + " claimed only, "
            + (licences.size() - active - claimed)
            + " other";
    return Outcome.known(
        points,
        value,
        "licences: " + value + " (weighted " + Fmt.num(Curves.round2(sum)) + ")",
        licences);
  }

  private static Outcome breadth(ScoringContext ctx) {
    List<Item<Licence>> licences = ctx.current(Licence.class);
    if (licences.isEmpty()) {
      return Outcome.unknown("no licence found or claimed");
    }
    Map<String, Double> regions = new TreeMap<>();
    double other = 0;
    List<Item<Licence>> used = new ArrayList<>();
    for (Item<Licence> item : licences) {
      LicenceStatus status = item.fact().status();
      double v =
          status == LicenceStatus.ACTIVE ? 1 : status == LicenceStatus.CLAIMED ? CLAIMED_REGION : 0;
      if (v == 0) {
        continue;
      }
      used.add(item);
      String region = REGIONS.get(item.fact().jurisdiction());
      if (region == null) {
        other += v * OTHER_JURISDICTION;
      } else {
        Double before = regions.get(region);
        regions.put(region, before == null ? v : Math.max(before, v));
      }
    }
    double verified = 0;
    double claimedOnly = 0;
    for (double v : regions.values()) {
      if (v >= 1) {
        verified += 1;
      } else {
        claimedOnly += v;
      }
    }
    double points = BREADTH.points(verified, claimedOnly, Math.min(OTHERS_AT_MOST, other));
    String value = regions.isEmpty() ? "none" : String.join(", ", regions.keySet());
    return Outcome.known(
        points,
        value,
        "regions with a licence: " + value + (other > 0 ? " and others" : ""),
        used.isEmpty() ? licences : used);
  }

  private static boolean confirmedByRegister(List<Item<Licence>> licences) {
    for (Item<Licence> item : licences) {
      if (item.fact().status() != LicenceStatus.CLAIMED) {
        return true;
      }
    }
    return false;
  }

  private static Outcome noWarnings(ScoringContext ctx) {
    List<Item<Licence>> register = new ArrayList<>();
    for (Item<Licence> item : ctx.current(Licence.class)) {
      if (item.fact().status() != LicenceStatus.CLAIMED) {
        register.add(item);
      }
    }
    List<Item<RegulatoryWarning>> warnings = ctx.current(RegulatoryWarning.class);
    List<Item<SearchRecord>> searches = new ArrayList<>();
    for (Item<SearchRecord> item : ctx.all(SearchRecord.class)) {
      if (item.fact().topic() == SearchTopic.REGULATORY_WARNING) {
        searches.add(item);
      }
    }
    boolean consulted = !searches.isEmpty() || confirmedByRegister(ctx.all(Licence.class));
    if (!consulted && warnings.isEmpty()) {
      return Outcome.unknown("no register consulted");
    }
    List<Item<?>> bad = new ArrayList<>();
    List<Item<?>> resolved = new ArrayList<>();
    for (Item<RegulatoryWarning> item : warnings) {
      if (item.fact().resolved()) {
        resolved.add(item);
      } else {
        bad.add(item);
      }
    }
    for (Item<Licence> item : register) {
      LicenceStatus s = item.fact().status();
      if (s == LicenceStatus.WARNED
          || s == LicenceStatus.REVOKED_OR_WITHDRAWN
          || s == LicenceStatus.LAPSED) {
        bad.add(item);
      }
    }
    if (!bad.isEmpty()) {
      return Outcome.known(
          WARNINGS.points("open"),
          bad.size() + " open",
          bad.size() + " open warning(s) or revocation(s)",
          bad);
    }
    if (!resolved.isEmpty()) {
      return Outcome.known(
          WARNINGS.points("resolved"),
          "resolved only",
          resolved.size() + " resolved warning(s)",
          resolved);
    }
    List<Item<?>> used = new ArrayList<>(register);
    used.addAll(searches);
    return Outcome.known(WARNINGS.points("clean"), "none", "registers show no warning", used);
  }

  // The rule book's functions below are named constants of a few classes dispatching by a switch,
  // not method references and lambdas: each lambda's call site is linked on every run (about
  // 0.2 ms of interpreted bootstrap each, even from the CDS archive), and an offline assess linked
  // 22 of them in this file alone (issue #19).

  /** The rules' evaluations. */
  private enum Evaluation implements Function<ScoringContext, Outcome> {
    VERIFIED_LICENCES,
    BREADTH,
    NO_WARNINGS,
    FINANCIAL_STATEMENTS,
    OPERATING_ENTITY;

    @Override
    public Outcome apply(ScoringContext ctx) {
      return switch (this) {
        case VERIFIED_LICENCES -> verifiedLicences(ctx);
        case BREADTH -> breadth(ctx);
        case NO_WARNINGS -> noWarnings(ctx);
        case FINANCIAL_STATEMENTS -> financialStatements(ctx);
        case OPERATING_ENTITY -> operatingEntity(ctx);
      };
    }
  }

  /** How the tallies write their counts and shares. */
  private enum Label implements DoubleFunction<String> {
    NUMBER,
    REGIONS,
    SHARE;

    @Override
    public String apply(double value) {
      return switch (this) {
        case NUMBER -> Fmt.num(value);
        case REGIONS -> value == 4 ? "four" : Fmt.num(value);
        case SHARE -> value == 0.5 ? "half" : Fmt.pct(value);
      };
    }
  }

  /** What a governance statement states, and whether two that state it disagree. */
  private static final class Property implements Predicate<Governance> {
    static final Property AUDITED_STATEMENTS = new Property();
    static final Property OPERATING_ENTITY = new Property();

    /** Two statements disagree when one says published and the other not. */
    static final BiPredicate<Governance, Governance> AUDITED_STATEMENTS_DISAGREE =
        new StatementsDisagree();

    private Property() {}

    @Override
    public boolean test(Governance fact) {
      return this == AUDITED_STATEMENTS
          ? fact.auditedFinancialStatements() != null
          : fact.operatingEntity() != null;
    }
  }

  private static final class StatementsDisagree implements BiPredicate<Governance, Governance> {
    @Override
    public boolean test(Governance a, Governance b) {
      return !a.auditedFinancialStatements().equals(b.auditedFinancialStatements());
    }
  }
}
