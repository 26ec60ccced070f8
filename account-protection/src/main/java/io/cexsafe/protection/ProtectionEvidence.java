package io.cexsafe.protection;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Provenance;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a programme description into Insurance-pillar evidence: the programme's name, cap per user,
 * prerequisites, countries and whether relief is discretionary, sourced to the policy document.
 */
public final class ProtectionEvidence {
  /** The collector id used by {@link #toEvidence(ProtectionProgramme)}. */
  public static final String COLLECTOR_ID = "account-protection";

  /** How long a programme description is relied on before it should be checked again. */
  public static final int STALE_AFTER_DAYS = 365;

  private ProtectionEvidence() {}

  /**
   * The programme as evidence produced by {@value #COLLECTOR_ID}.
   *
   * @param programme the programme's description
   * @return the evidence
   */
  public static Evidence toEvidence(ProtectionProgramme programme) {
    return toEvidence(programme, COLLECTOR_ID);
  }

  /**
   * The programme as evidence, for a collector with its own id. {@code observedAt} is the policy's
   * stated publication date, or the date the description was transcribed when the policy states
   * none.
   *
   * @param programme the programme's description
   * @param collectorId the collector the evidence is attributed to
   * @return the evidence
   */
  public static Evidence toEvidence(ProtectionProgramme programme, String collectorId) {
    Objects.requireNonNull(programme, "programme");
    ProtectionProgramme.Source source = programme.source();
    Instant observedAt = startOfDay(source.asOf());
    List<String> prerequisites = new ArrayList<>();
    if (programme.kycRequired()) {
      prerequisites.add("satisfied all the necessary KYC requirements");
    }
    for (ProtectionProgramme.MinimumCondition condition : programme.minimumConditions()) {
      prerequisites.add(condition.text());
    }
    io.cexsafe.facts.ProtectionProgramme fact =
        new io.cexsafe.facts.ProtectionProgramme(
            programme.name(),
            programme.capUsd(),
            prerequisites,
            programme.countries().stream().map(ProtectionProgramme.Country::code).toList(),
            programme.discretionary(),
            URI.create(source.url()));
    Provenance provenance =
        Provenance.builder(collectorId)
            .source(source.url(), source.title())
            .observedAt(observedAt)
            .retrievedAt(startOfDay(source.transcribedOn()))
            .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
            .staleAfter(observedAt.plus(java.time.Duration.ofDays(STALE_AFTER_DAYS)))
            .note(note(programme))
            .build();
    return Evidence.of(programme.exchangeId(), fact, provenance);
  }

  private static String note(ProtectionProgramme programme) {
    ProtectionProgramme.Source source = programme.source();
    StringBuilder note =
        new StringBuilder("Programme description ")
            .append(programme.id())
            .append(" version ")
            .append(programme.version())
            .append(". ");
    if (source.publishedOn() == null) {
      note.append("The policy states no publication date");
      if (source.statedDateText() != null) {
        note.append(" (\"").append(source.statedDateText()).append("\")");
      }
      note.append("; observedAt is the date it was transcribed. ");
    }
    note.append("The policy's terms and conditions prevail over the policy guide.");
    return note.toString();
  }

  private static Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
