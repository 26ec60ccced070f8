package io.cexsafe.collectors.regulators;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.collectors.regulators.internal.Countries;
import io.cexsafe.collectors.regulators.internal.EsmaSource;
import io.cexsafe.collectors.regulators.internal.Findings;
import io.cexsafe.collectors.regulators.internal.Register;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.SearchRecord;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Licences as a per-exchange or per-country table, from evidence bundles: what {@code cexsafe
 * licences} and {@code cexsafe licensed-in} print.
 */
public final class LicenceView {
  private LicenceView() {}

  /**
   * One licence, registration or warning listing.
   *
   * @param exchangeId the exchange
   * @param jurisdiction ISO alpha-2 code (a MiCA passport appears under the host state)
   * @param regulator e.g. {@code FCA}, {@code MFSA}
   * @param register the register and file it was read from
   * @param entity the entity as the register names it
   * @param identifier FRN, LEI, ABN, reference or registration number; null when matched by name
   * @param status normalised status
   * @param matchBasis identifier, or name only (counts for less)
   * @param passport true for a MiCA passport into a host state
   * @param contradictsClaim true when the register contradicts the catalogue's claim
   * @param authorisedSince start date, or null
   * @param activities activities or services covered
   * @param registerUrl the register entry or page
   * @param note what the register showed, in words
   */
  public record Row(
      String exchangeId,
      String jurisdiction,
      String regulator,
      String register,
      String entity,
      String identifier,
      LicenceStatus status,
      MatchBasis matchBasis,
      boolean passport,
      boolean contradictsClaim,
      LocalDate authorisedSince,
      List<String> activities,
      URI registerUrl,
      String note) {
    /**
     * Normalises the components, copying lists and turning null ones empty.
     *
     * @param exchangeId the exchange
     * @param jurisdiction ISO alpha-2 code (a MiCA passport appears under the host state)
     * @param regulator e.g. {@code FCA}, {@code MFSA}
     * @param register the register and file it was read from
     * @param entity the entity as the register names it
     * @param identifier FRN, LEI, ABN, reference or registration number; null when matched by name
     * @param status normalised status
     * @param matchBasis identifier, or name only (counts for less)
     * @param passport true for a MiCA passport into a host state
     * @param contradictsClaim true when the register contradicts the catalogue's claim
     * @param authorisedSince start date, or null
     * @param activities activities or services covered
     * @param registerUrl the register entry or page
     * @param note what the register showed, in words
     */
    public Row {
      activities = List.copyOf(activities);
    }
  }

  private static final Comparator<Row> ORDER =
      Comparator.comparing(Row::jurisdiction)
          .thenComparing(Row::passport)
          .thenComparing(Row::regulator)
          .thenComparing(Row::entity)
          .thenComparing(r -> r.identifier() == null ? "" : r.identifier());

  /**
   * The licences in a bundle, by jurisdiction.
   *
   * @param bundle an exchange's evidence
   * @return one row per licence, registration or warning listing
   */
  public static List<Row> rows(EvidenceBundle bundle) {
    List<Row> rows = new ArrayList<>();
    for (Evidence evidence : bundle.evidenceOf(Licence.class)) {
      Licence l = (Licence) evidence.fact();
      String note = evidence.provenance().note();
      rows.add(
          new Row(
              bundle.exchangeId(),
              l.jurisdiction(),
              l.regulator(),
              l.register() == null ? evidence.provenance().sourceTitle() : l.register(),
              l.entityName(),
              l.identifier(),
              l.status(),
              l.matchBasis(),
              l.register() != null && l.register().contains(EsmaSource.PASSPORT_MARK),
              note != null && note.startsWith(Findings.CONTRADICTION),
              l.authorisedSince(),
              l.activities(),
              l.registerUrl(),
              note));
    }
    rows.sort(ORDER);
    return rows;
  }

  /**
   * Every licence in {@code country} across the bundles, MiCA passports included.
   *
   * @param country an ISO 3166-1 alpha-2 code
   * @param bundles the exchanges' evidence
   * @return the rows for that country, across exchanges
   */
  public static List<Row> licensedIn(String country, List<EvidenceBundle> bundles) {
    String code = country(country);
    List<Row> rows = new ArrayList<>();
    for (EvidenceBundle bundle : bundles) {
      for (Row row : rows(bundle)) {
        if (row.jurisdiction().equals(code)) {
          rows.add(row);
        }
      }
    }
    rows.sort(Comparator.comparing(Row::exchangeId).thenComparing(ORDER));
    return rows;
  }

  /**
   * A country as ISO 3166-1 alpha-2, accepting {@code UK} and {@code EL}.
   *
   * @param text the country as the user wrote it
   * @return the alpha-2 code, upper case
   * @throws IllegalArgumentException for anything else
   */
  public static String country(String text) {
    String code = Countries.normalise(text);
    if (code == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a two-letter country code such as GB, FR or SG");
    }
    if (!ISO_COUNTRIES.contains(code)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an assigned ISO 3166 country code (e.g. GB, FR, SG)");
    }
    return code;
  }

  private static final Set<String> ISO_COUNTRIES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

  /** How far a register got for one exchange. */
  public enum RegisterState {
    /** It answered and its search is recorded (a found entry, or a checked absence). */
    CHECKED,
    /** It answered in part: some findings, and problems that leave the rest open. */
    PARTLY_CHECKED,
    /** It was asked and failed: nothing it says can be trusted as absence. */
    FAILED,
    /** It was not asked: switched off, no credentials, cancelled, or not readable as of then. */
    NOT_CHECKED;

    /** {@return the state in lower-case words, for tables} */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One register's state for one exchange.
   *
   * @param exchangeId the exchange
   * @param id the register's settings name ({@code fca}, {@code esma}, ...)
   * @param register the register's name
   * @param jurisdiction where it applies ({@code EU} for ESMA)
   * @param state how far it got
   * @param detail the first problem in words, or null when checked cleanly
   */
  public record RegisterCoverage(
      String exchangeId,
      String id,
      String register,
      String jurisdiction,
      RegisterState state,
      String detail) {}

  private static final List<Register> REGISTERS =
      List.of(
          Register.FCA,
          Register.ESMA,
          Register.FINCEN,
          Register.VARA,
          Register.AUSTRAC,
          Register.MAS,
          Register.FINTRAC);

  private static final Pattern REGISTER_TAG =
      Pattern.compile("^\\[([a-z]+)\\]\\s*(.*)$", Pattern.DOTALL);

  /**
   * Which registers were checked, failed or not asked for the exchange of {@code bundle}: so that
   * "no licence" is never printed when nothing was checked. Registers that did not apply to the
   * exchange (nothing to look up) are left out.
   *
   * @param bundle an exchange's evidence
   * @return one entry per register that applied
   */
  public static List<RegisterCoverage> coverage(EvidenceBundle bundle) {
    Set<String> searched = new LinkedHashSet<>();
    for (Evidence evidence : bundle.evidenceOf(SearchRecord.class)) {
      if (evidence.provenance().collectorId().equals(RegulatorsCollectorProvider.ID)) {
        searched.add(((SearchRecord) evidence.fact()).source());
      }
    }
    Set<String> withLicences = new LinkedHashSet<>();
    for (Evidence evidence : bundle.evidenceOf(Licence.class)) {
      if (evidence.provenance().collectorId().equals(RegulatorsCollectorProvider.ID)) {
        withLicences.add(evidence.provenance().sourceTitle());
      }
    }
    Map<String, Problem> firstProblem = new LinkedHashMap<>();
    for (CollectorOutcome outcome : bundle.outcomes()) {
      if (!outcome.collectorId().equals(RegulatorsCollectorProvider.ID)) {
        continue;
      }
      for (Problem problem : outcome.problems()) {
        Matcher m = REGISTER_TAG.matcher(problem.message());
        if (m.matches()) {
          firstProblem.putIfAbsent(m.group(1), problem);
        }
      }
      if (outcome.status() == OutcomeStatus.SKIPPED && outcome.message() != null) {
        for (String part : outcome.message().split("; ")) {
          Matcher m = REGISTER_TAG.matcher(part);
          if (m.matches()) {
            firstProblem.putIfAbsent(m.group(1), new Problem(outcome.reason(), part, null, null));
          }
        }
      }
    }
    List<RegisterCoverage> out = new ArrayList<>();
    for (Register register : REGISTERS) {
      Problem problem = firstProblem.get(register.id());
      boolean answered =
          searched.contains(register.title())
              || withLicences.stream().anyMatch(t -> t.startsWith(register.title()));
      RegisterState state;
      if (problem == null) {
        if (!answered) {
          continue;
        }
        state = RegisterState.CHECKED;
      } else if (NOT_ASKED.contains(problem.reason())) {
        state = RegisterState.NOT_CHECKED;
      } else {
        state = answered ? RegisterState.PARTLY_CHECKED : RegisterState.FAILED;
      }
      String detail = null;
      if (problem != null) {
        Matcher m = REGISTER_TAG.matcher(problem.message());
        detail = m.matches() ? m.group(2) : problem.message();
      }
      out.add(
          new RegisterCoverage(
              bundle.exchangeId(),
              register.id(),
              register.title(),
              register.jurisdiction(),
              state,
              detail));
    }
    return out;
  }

  private static final Set<ReasonCode> NOT_ASKED =
      Set.of(
          ReasonCode.NO_HISTORY,
          ReasonCode.MISSING_CREDENTIALS,
          ReasonCode.DISABLED,
          ReasonCode.CANCELLED,
          ReasonCode.OFFLINE);

  /**
   * A short status word for tables.
   *
   * @param row a licence row
   * @return its status in a word or two
   */
  public static String statusWord(Row row) {
    return row.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
