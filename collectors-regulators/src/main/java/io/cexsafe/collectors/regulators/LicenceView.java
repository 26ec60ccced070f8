package io.cexsafe.collectors.regulators;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.collectors.regulators.internal.Countries;
import io.cexsafe.collectors.regulators.internal.EsmaSource;
import io.cexsafe.collectors.regulators.internal.Findings;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

  /** The licences in a bundle, by jurisdiction. */
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

  /** Every licence in {@code country} across the bundles, MiCA passports included. */
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
   * @throws IllegalArgumentException for anything else
   */
  public static String country(String text) {
    String code = Countries.normalise(text);
    if (code == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a two-letter country code such as GB, FR or SG");
    }
    return code;
  }

  /** A short status word for tables. */
  public static String statusWord(Row row) {
    return row.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
