package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Evidence;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Problem;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.http.HttpFetcher;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rebuilds an exchange's past from DeFiLlama's dated data: one reserve snapshot per day of the
 * {@code /protocol/{slug}} history (total, and own-token and clean assets where the day has a token
 * breakdown) and the incidents of {@code /hacks}. The fetching, parsing, size limits and failure
 * handling are the collector's own ({@link ProtocolSource}, {@link Hack}, {@link
 * IncidentEvidence}); only the mapping to dated evidence is new. Every fact it makes says in its
 * provenance note that it was reconstructed.
 */
public final class HistoryReconstruction {
  /** How the note of every reconstructed fact begins. */
  public static final String NOTE_PREFIX = "reconstructed";

  /** At most this many days are kept (the latest ones): ten years of daily points. */
  public static final int MAX_DAYS = 3660;

  private final Endpoints endpoints;
  private final ProtocolSource protocol;
  private final IncidentEvidence incidents;
  private final DefiLlamaSettings settings;

  public HistoryReconstruction(DefiLlamaSettings settings) {
    this.settings = settings;
    this.endpoints = new Endpoints(settings);
    this.protocol =
        new ProtocolSource(endpoints, settings.protocolMaxBodyBytes(), settings.trendWindow());
    this.incidents = new IncidentEvidence(endpoints);
  }

  /** What a reconstruction gave: reserve snapshots oldest first, incidents, and problems. */
  public record Result(List<Evidence> reserves, List<Evidence> incidents, List<Problem> problems) {
    public Result {
      reserves = List.copyOf(reserves);
      incidents = List.copyOf(incidents);
      problems = List.copyOf(problems);
    }
  }

  public Result reconstruct(
      Exchange exchange, ExchangeCatalog catalog, HttpFetcher http, Instant retrievedAt) {
    List<Problem> problems = new ArrayList<>();
    String slug =
        exchange
            .identifier("defillama.slug")
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .orElse(null);
    Set<String> own = new LinkedHashSet<>();
    exchange.ownTokens().forEach(t -> own.add(t.trim().toUpperCase(Locale.ROOT)));
    Days days = new Days(own);
    // /hacks first, as the collector reads it: the short shared list before the long stream
    Fetched<List<Hack>> hacks =
        settings.hacksEnabled()
            ? Fetched.attempt(() -> List.copyOf(Hack.parseList(http.fetch(endpoints.hacks()))))
            : Fetched.notAsked();
    ProtocolRead read = null;
    if (slug == null) {
      problems.add(
          new Problem(
              ReasonCode.NO_IDENTIFIER,
              "the catalogue has no defillama.slug for "
                  + exchange.id()
                  + ": no reserve history to reconstruct",
              endpoints.cexsPage(),
              null));
    } else if (!settings.protocolEnabled()) {
      problems.add(
          new Problem(
              ReasonCode.DISABLED,
              "defillama.protocol is off: no reserve history to reconstruct",
              endpoints.cexPage(slug),
              null));
    } else {
      read = protocol.readDated(http, slug, days);
      if (read.problem() != null) {
        problems.add(read.problem());
      } else {
        for (String line : read.summary().unrepresentable()) {
          problems.add(
              new Problem(
                  ReasonCode.MALFORMED_RESPONSE,
                  "/protocol/" + slug + ": " + line,
                  endpoints.cexPage(slug),
                  null));
        }
      }
    }
    AsOf time = new AsOf(retrievedAt, null, false);
    List<Evidence> reserves = new ArrayList<>();
    if (read != null && read.summary() != null) {
      String name = read.summary().name() != null ? read.summary().name() : exchange.name();
      EvidenceSink sink = new EvidenceSink(exchange.id(), retrievedAt);
      for (Map.Entry<LocalDate, Day> entry : days.byDay.entrySet()) {
        Day day = entry.getValue();
        if (day.totalDate == null || day.totalDate.isAfter(retrievedAt)) {
          continue;
        }
        addReserves(sink, slug, name, entry.getKey(), day, !own.isEmpty());
      }
      Findings made = sink.findings();
      reserves.addAll(made.evidence());
      problems.addAll(made.problems());
      if (days.unrepresentableTokenDays > 0) {
        problems.add(
            new Problem(
                ReasonCode.MALFORMED_RESPONSE,
                "/protocol/"
                    + slug
                    + ": "
                    + days.unrepresentableTokenDays
                    + " day(s) of the token breakdown hold a value that cannot be represented;"
                    + " those days have a total but no own-token or clean figure",
                endpoints.cexPage(slug),
                null));
      }
      if (days.dropped > 0) {
        problems.add(
            new Problem(
                ReasonCode.INVALID_DATA,
                "/protocol/"
                    + slug
                    + ": history longer than "
                    + MAX_DAYS
                    + " days; the "
                    + days.dropped
                    + " oldest day(s) were left out",
                endpoints.cexPage(slug),
                null));
      }
    }
    List<Evidence> incidentEvidence = new ArrayList<>();
    if (settings.hacksEnabled()) {
      DefiLlamaSnapshot snapshot =
          new DefiLlamaSnapshot(
              exchange,
              time,
              Fetched.notAsked(),
              null,
              slug,
              own,
              hacks,
              Fetched.notAsked(),
              read == null ? null : new DefiLlamaSnapshot.Reserves(read, List.of()));
      Findings found =
          Findings.concat(
              List.of(incidents.listFailure(snapshot), incidents.map(snapshot, catalog)));
      for (Evidence e : found.evidence()) {
        if (e.fact() instanceof Incident) {
          incidentEvidence.add(Evidence.of(e.exchangeId(), e.fact(), reconstructed(e)));
        }
      }
      problems.addAll(found.problems());
    } else {
      problems.add(
          new Problem(
              ReasonCode.DISABLED,
              "defillama.hacks is off: no incidents to reconstruct",
              endpoints.hacksPage(),
              null));
    }
    return new Result(reserves, incidentEvidence, problems);
  }

  private void addReserves(
      EvidenceSink sink, String slug, String name, LocalDate date, Day day, boolean ownKnown) {
    BigDecimal total = day.total;
    BigDecimal own = ownKnown && day.tokensKnown ? day.own : null;
    BigDecimal clean = own != null && total.compareTo(own) >= 0 ? total.subtract(own) : null;
    Provenance provenance =
        sink.provenance(
            endpoints.cexPage(slug),
            "DeFiLlama CEX transparency: " + name,
            day.totalDate,
            ReserveEvidence.SNAPSHOT_STALE_AFTER,
            NOTE_PREFIX
                + " by backfill: the total of "
                + date
                + " in the history of /protocol/"
                + slug
                + ", read on "
                + AsOf.day(sink.retrievedAt())
                + (own == null
                    ? (ownKnown
                        ? "; no token breakdown that day"
                        : "; own tokens unknown (none in the catalogue)")
                    : "; own tokens valued from that day's token breakdown"));
    sink.add(() -> new ReserveSnapshot(total, clean, own, true), provenance);
  }

  /** The provenance of a fact the collector made, marked as reconstructed. */
  private static Provenance reconstructed(Evidence e) {
    Provenance p = e.provenance();
    return Provenance.builder(p.collectorId())
        .source(p.sourceUrl(), p.sourceTitle())
        .observedAt(p.observedAt())
        .retrievedAt(p.retrievedAt())
        .evidenceClass(p.evidenceClass())
        .staleAfter(p.staleAfter())
        .note(
            NOTE_PREFIX
                + " by backfill, read on "
                + AsOf.day(p.retrievedAt())
                + (p.note() == null ? "" : ": " + p.note()))
        .build();
  }

  /** The last total and token breakdown of each UTC day, for at most {@link #MAX_DAYS} days. */
  private static final class Days implements ProtocolStreamParser.DatedPoints {
    private final Set<String> own;
    final TreeMap<LocalDate, Day> byDay = new TreeMap<>();
    int unrepresentableTokenDays;
    int dropped;

    Days(Set<String> own) {
      this.own = own;
    }

    @Override
    public void total(Instant date, BigDecimal usd) {
      Day day = day(date);
      if (day != null && (day.totalDate == null || !date.isBefore(day.totalDate))) {
        day.totalDate = date;
        day.total = usd;
      }
    }

    @Override
    public void tokens(Instant date, Map<String, BigDecimal> usdBySymbol) {
      Day day = day(date);
      if (day == null || (day.tokensDate != null && date.isBefore(day.tokensDate))) {
        return;
      }
      day.tokensDate = date;
      if (usdBySymbol == null) {
        unrepresentableTokenDays++;
        day.tokensKnown = false;
        day.own = null;
      } else {
        day.tokensKnown = !usdBySymbol.isEmpty();
        day.own = ReserveMath.ownTokenUsd(usdBySymbol, own);
      }
    }

    /** The day's entry, or null when the day is older than the {@link #MAX_DAYS} kept. */
    private Day day(Instant date) {
      LocalDate key = LocalDate.ofInstant(date, ZoneOffset.UTC);
      Day day = byDay.get(key);
      if (day != null) {
        return day;
      }
      if (byDay.size() >= MAX_DAYS) {
        if (key.isBefore(byDay.firstKey())) {
          dropped++;
          return null;
        }
        byDay.pollFirstEntry();
        dropped++;
      }
      day = new Day();
      byDay.put(key, day);
      return day;
    }
  }

  /** One day's last points. */
  private static final class Day {
    Instant totalDate;
    BigDecimal total;
    Instant tokensDate;
    boolean tokensKnown;
    BigDecimal own;
  }
}
