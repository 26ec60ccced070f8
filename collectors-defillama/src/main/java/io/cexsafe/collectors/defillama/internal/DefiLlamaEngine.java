package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.Problem;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.facts.AttestorIndependence;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorCadence;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.Reimbursement;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.SharedDataset;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The DeFiLlama collection for one exchange: {@code /cexs}, {@code /hacks} and the stablecoin list
 * are shared by every exchange of a run; {@code /protocol/{slug}} (streamed) and, where {@code
 * /cexs} lacks them, {@code /inflows} are fetched per exchange.
 */
public final class DefiLlamaEngine {
  public static final String COLLECTOR_ID = "defillama";

  /** Net-flow windows in hours and the {@code /cexs} field names they correspond to. */
  static final int[] FLOW_WINDOWS = {24, 168, 720};

  static final Duration SNAPSHOT_STALE_AFTER = Duration.ofDays(2);
  static final Duration TREND_STALE_AFTER = Duration.ofDays(7);
  static final Duration LINK_STALE_AFTER = Duration.ofDays(90);
  static final Duration ATTESTATION_STALE_AFTER = Duration.ofDays(365);

  private static final EvidenceClass CLASS = EvidenceClass.THIRD_PARTY_REPORT;

  private final DefiLlamaSettings settings;
  private final Endpoints endpoints;
  private final SharedDataset<CexList> cexs;
  private final SharedDataset<List<Hack>> hacks;
  private final SharedDataset<Stablecoins> stablecoins;

  public DefiLlamaEngine(DefiLlamaSettings settings) {
    this.settings = settings;
    this.endpoints = new Endpoints(settings);
    String scope = COLLECTOR_ID + ":" + settings.baseUrl() + ":";
    this.cexs =
        SharedDataset.of(
            scope + "/cexs", context -> CexList.parse(context.http().fetch(endpoints.cexs())));
    this.hacks =
        SharedDataset.of(
            scope + "/hacks", context -> Hack.parseList(context.http().fetch(endpoints.hacks())));
    this.stablecoins =
        SharedDataset.of(
            COLLECTOR_ID + ":" + settings.stablecoinsUrl() + "/stablecoins",
            context -> {
              FetchRequest request = endpoints.stablecoins();
              return context
                  .http()
                  .fetch(
                      request, (body, head) -> Stablecoins.read(body, head, request.displayUri()));
            });
  }

  public DefiLlamaSettings settings() {
    return settings;
  }

  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    return new Run(exchange, context).collect();
  }

  /** The state of one exchange's collection. */
  private final class Run {
    private final Exchange exchange;
    private final CollectorContext context;
    private final Instant retrievedAt;

    /** The run's as-of; only read when {@link #past}. */
    private final Instant asOf;

    /** True when the run replays a past date: only dated history may be used. */
    private final boolean past;

    private final List<Evidence> evidence = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> notTracked = new ArrayList<>();

    private CexRow row;
    private ProtocolSummary protocol;
    private boolean protocolMissing;

    /** The as-of lies before the first point of the exchange's history. */
    private boolean beforeHistory;

    private SourceException hostRefused;
    private List<Hack> hackList;
    private Stablecoins stable;
    private SourceException stableFailure;
    private String slug;
    private Set<String> ownTokens;

    Run(Exchange exchange, CollectorContext context) {
      this.exchange = exchange;
      this.context = context;
      this.retrievedAt = context.clock().instant();
      this.asOf = context.asOf();
      this.past = context.asOfInPast();
    }

    private boolean listKnown;

    CollectionResult collect() {
      String catalogueSlug =
          exchange
              .identifier("defillama.slug")
              .map(s -> s.trim().toLowerCase(Locale.ROOT))
              .orElse(null);
      if (settings.cexsEnabled()) {
        try {
          CexList list = context.shared(cexs);
          listKnown = true;
          row = list.find(exchange, catalogueSlug).orElse(null);
        } catch (SourceException e) {
          problems.add(Problem.of(e));
          if (e.reason() == ReasonCode.RATE_LIMITED
              || e.reason() == ReasonCode.BLOCKED
              || e.reason() == ReasonCode.TIMEOUT) {
            hostRefused = e;
          }
        }
      }
      ownTokens = ownTokens();
      if (row != null) {
        for (String field : row.unrepresentable()) {
          problems.add(
              new Problem(
                  ReasonCode.MALFORMED_RESPONSE,
                  "DeFiLlama's /cexs row for "
                      + row.name()
                      + " has a value that cannot be represented ("
                      + field
                      + "); the facts built on it are left out",
                  endpoints.cexsPage(),
                  null));
        }
      }
      if (row != null && !row.tracked()) {
        notTracked(
            "DeFiLlama lists "
                + row.name()
                + " on its CEX page but does not track its reserves (no slug in /cexs)");
      } else {
        slug = row != null ? row.slug() : catalogueSlug;
        if (slug == null && (listKnown || !settings.cexsEnabled())) {
          notTracked(
              "DeFiLlama does not track "
                  + exchange.name()
                  + ": no /cexs entry and no defillama.slug in the catalogue");
        }
      }
      if (hostRefused != null) {
        // every exchange of the run shares the /cexs failure; more calls would only add to the
        // storm
        problems.add(
            new Problem(
                hostRefused.reason(),
                "skipped DeFiLlama's other endpoints because /cexs was refused ("
                    + hostRefused.reason().id()
                    + ")",
                hostRefused.source(),
                null));
        return result();
      }
      // The shared lists load before /protocol, so that the run's other exchanges wait for them
      // instead of queueing them behind their own calls; exchanges take them in opposite orders so
      // that the two first loads of a run go out together.
      if (Math.floorMod(exchange.id().hashCode(), 2) == 0) {
        loadStablecoins();
        loadHacks();
      } else {
        loadHacks();
        loadStablecoins();
      }
      if (slug != null) {
        collectReserves();
      }
      if (row != null) {
        if (past) {
          problems.add(
              new Problem(
                  ReasonCode.NO_HISTORY,
                  "as of "
                      + day(asOf)
                      + ": the /cexs figures and pointers (currentTvl, cleanAssetsTvl, inflows,"
                      + " walletsLink, auditor) show only today's state and are left out",
                  endpoints.cexsPage(),
                  null));
        } else {
          collectProofOfReservePointers();
        }
      }
      if (hackList != null) {
        collectIncidents();
      }
      if (listKnown && !past) {
        recordReserveSearch();
      }
      return result();
    }

    /**
     * Whether DeFiLlama tracks the exchange's wallets at all, as a search: "not tracked" is a
     * checked absence of on-chain reserve figures, not an unknown. Only a list that answered
     * counts, and only today's list: it says nothing of the past.
     */
    private void recordReserveSearch() {
      boolean tracked = slug != null && !protocolMissing;
      add(
          () ->
              new SearchRecord(
                  SearchTopic.RESERVES,
                  "DeFiLlama CEX list",
                  null,
                  null,
                  tracked ? 1 : 0,
                  "exchanges whose published wallets DeFiLlama sums (its CEX transparency page)"),
          provenance(
              endpoints.cexsPage(),
              "DeFiLlama CEX transparency list",
              retrievedAt,
              LINK_STALE_AFTER,
              tracked
                  ? "tracked on-chain as '" + slug + "'"
                  : "not tracked: "
                      + (row != null
                          ? row.name() + " is listed without a slug"
                          : "no /cexs entry"
                              + (slug == null ? "" : ", and /protocol/" + slug + " is unknown"))));
    }

    private void loadHacks() {
      if (settings.hacksEnabled()) {
        try {
          hackList = context.shared(hacks);
        } catch (SourceException e) {
          problems.add(Problem.of(e));
        }
      }
    }

    /** Only tracked exchanges need it; a failure counts once a token breakdown needed the list. */
    private void loadStablecoins() {
      if (slug != null && settings.protocolEnabled() && settings.stablecoinsEnabled()) {
        try {
          stable = context.shared(stablecoins);
        } catch (SourceException e) {
          stableFailure = e;
        }
      }
    }

    private CollectionResult result() {
      if (evidence.isEmpty() && problems.isEmpty()) {
        if (!notTracked.isEmpty()) {
          return CollectionResult.skipped(ReasonCode.NOT_LISTED, notTracked.get(0).message());
        }
      }
      CollectionResult.Builder builder = CollectionResult.builder().addAll(evidence);
      // with evidence the main story is "partial because not tracked"; without, the failures
      List<Problem> ordered = new ArrayList<>();
      if (evidence.isEmpty()) {
        ordered.addAll(problems);
        ordered.addAll(notTracked);
      } else {
        ordered.addAll(notTracked);
        ordered.addAll(problems);
      }
      ordered.forEach(builder::problem);
      return builder.build();
    }

    private Set<String> ownTokens() {
      Set<String> own = new LinkedHashSet<>(exchange.ownTokens());
      if (row != null) {
        if (row.coinSymbol() != null) {
          own.add(row.coinSymbol());
        }
        own.addAll(row.ownTokens());
      }
      return own;
    }

    /**
     * Whether anyone says which tokens are the exchange's: the catalogue, or a {@code /cexs} row
     * (whose {@code coinSymbol} may say "none"). Otherwise the own-token value is unknown, not 0.
     */
    private boolean ownTokensKnown() {
      return !ownTokens.isEmpty() || row != null;
    }

    private void notTracked(String message) {
      notTracked.add(new Problem(ReasonCode.NOT_LISTED, message, endpoints.cexsPage(), null));
    }

    // ---- reserves -------------------------------------------------------------------------

    private void collectReserves() {
      if (settings.protocolEnabled()) {
        protocol = fetchProtocol();
        if (protocolMissing) {
          return; // no such protocol: flows for it cannot exist either
        }
        if (protocol != null) {
          for (String line : protocol.unrepresentable()) {
            problems.add(
                new Problem(
                    ReasonCode.MALFORMED_RESPONSE,
                    "/protocol/" + slug + ": " + line,
                    endpoints.cexPage(slug),
                    null));
          }
        }
        if (beforeHistory) {
          return; // DeFiLlama did not track the exchange yet: no reserves, no flows
        }
      }
      if (protocol != null && !protocol.tokensUsd().isEmpty() && stableFailure != null) {
        problems.add(Problem.of(stableFailure));
      }
      BigDecimal clean = addSnapshot();
      if (protocol != null) {
        addComposition(stable);
        addTrend();
      }
      addFlows(clean);
    }

    private ProtocolSummary fetchProtocol() {
      FetchRequest request = endpoints.protocol(slug, settings.protocolMaxBodyBytes());
      String display = request.displayUri();
      try {
        ProtocolSummary summary =
            context
                .http()
                .fetch(
                    request,
                    (body, head) -> {
                      if (head.status() == 400 || head.status() == 404) {
                        String text = sample(body);
                        throw new SourceException(
                            text.toLowerCase(Locale.ROOT).contains("not found")
                                    || head.status() == 404
                                ? ReasonCode.NOT_LISTED
                                : ReasonCode.HTTP_CLIENT_ERROR,
                            "DeFiLlama has no protocol '"
                                + slug
                                + "' (HTTP "
                                + head.status()
                                + (text.isEmpty() ? "" : ": " + text)
                                + ")",
                            display,
                            head.status(),
                            null);
                      }
                      return readProtocol(body, head, display);
                    });
        if (summary.startsAfterAsOf()) {
          beforeHistory = true;
          problems.add(
              new Problem(
                  ReasonCode.NO_HISTORY,
                  "DeFiLlama's history of /protocol/"
                      + slug
                      + " begins on "
                      + day(summary.firstDate())
                      + ", after as-of "
                      + day(asOf)
                      + ": no reserves figure for that date",
                  display,
                  null));
          return null;
        }
        if (!summary.hasData()) {
          String message = summary.serverMessage();
          if (message != null && message.toLowerCase(Locale.ROOT).contains("not found")) {
            protocolMissing = true;
            notTracked.add(
                new Problem(
                    ReasonCode.NOT_LISTED,
                    "DeFiLlama has no protocol '" + slug + "': " + message,
                    display,
                    null));
          } else {
            problems.add(
                new Problem(
                    ReasonCode.MALFORMED_RESPONSE,
                    "the /protocol answer for '"
                        + slug
                        + "' carries no reserve figures"
                        + (message == null ? "" : ": " + message),
                    display,
                    null));
          }
          return null;
        }
        return summary;
      } catch (SourceException e) {
        if (e.reason() == ReasonCode.NOT_LISTED) {
          protocolMissing = true;
          notTracked.add(Problem.of(e));
        } else {
          problems.add(Problem.of(e));
        }
        return null;
      }
    }

    private ProtocolSummary readProtocol(InputStream body, FetchResponse head, String display)
        throws IOException, SourceException {
      String what = "the /protocol answer for '" + slug + "'";
      try (JsonParser parser = Payloads.stream(body, head, what, display)) {
        return ProtocolStreamParser.parse(
            parser, settings.trendWindow(), past ? asOf : null, display);
      } catch (JsonProcessingException e) {
        throw Payloads.malformed(what + " is not valid JSON: " + Payloads.describe(e), display);
      }
    }

    /** Adds the reserve snapshot; returns the clean assets it used (or null). */
    private BigDecimal addSnapshot() {
      BigDecimal breakdownOwn =
          protocol == null || !ownTokensKnown()
              ? null
              : ReserveMath.ownTokenUsd(protocol.tokensUsd(), ownTokens);
      String ownNote =
          ownTokens.isEmpty()
              ? (row != null
                  ? "no own token listed by DeFiLlama or the catalogue"
                  : "own tokens unknown")
              : "own tokens " + String.join(", ", ownTokens) + " (and W-wrapped forms)";
      if (!past && row != null && row.currentTvl() != null) {
        BigDecimal total = row.currentTvl();
        BigDecimal clean = row.cleanAssetsTvl();
        BigDecimal own = breakdownOwn;
        String ownSource =
            "valued from the token breakdown of "
                + day(protocol == null ? null : protocol.tokensDate());
        if (own == null && clean != null && total.compareTo(clean) >= 0) {
          own = total.subtract(clean);
          ownSource = "taken as currentTvl minus cleanAssetsTvl";
        }
        BigDecimal ownUsd = own;
        add(
            () -> new ReserveSnapshot(total, clean, ownUsd, true),
            provenance(
                endpoints.cexPage(slug),
                "DeFiLlama CEX transparency: " + row.name(),
                retrievedAt,
                SNAPSHOT_STALE_AFTER,
                "currentTvl and cleanAssetsTvl from /cexs, which carries no timestamp (latest"
                    + " hourly record of the last 24 h); "
                    + ownNote
                    + (ownUsd == null ? "" : ", " + ownSource)));
        return clean;
      }
      if (protocol != null && protocol.latestTotalUsd() != null) {
        BigDecimal total = protocol.latestTotalUsd();
        BigDecimal clean =
            breakdownOwn != null && total.compareTo(breakdownOwn) >= 0
                ? total.subtract(breakdownOwn)
                : null;
        add(
            () -> new ReserveSnapshot(total, clean, breakdownOwn, true),
            provenance(
                endpoints.cexPage(slug),
                "DeFiLlama CEX transparency: " + name(),
                protocol.latestDate(),
                SNAPSHOT_STALE_AFTER,
                (past
                        ? "total of "
                            + day(protocol.latestDate())
                            + " in the history of /protocol/"
                            + slug
                            + ", the last point on or before as-of "
                            + day(asOf)
                        : "latest total of /protocol/"
                            + slug
                            + (row == null ? " (no /cexs figures)" : " (/cexs has no currentTvl)"))
                    + "; "
                    + ownNote
                    + " valued from the token breakdown"));
        return clean;
      }
      return null;
    }

    private void addComposition(Stablecoins stable) {
      ReserveMath.Composition composition =
          ReserveMath.composition(
              protocol.tokensUsd(),
              protocol.chainsUsd(),
              ownTokensKnown() ? ownTokens : null,
              stable,
              settings.topHoldings());
      if (composition == null) {
        return;
      }
      Instant observed =
          protocol.tokensDate() != null ? protocol.tokensDate() : protocol.chainsDate();
      StringBuilder note =
          new StringBuilder(
                  past
                      ? "shares of the last token breakdown on or before as-of of /protocol/"
                      : "shares of the latest token breakdown of /protocol/")
              .append(slug)
              .append(" (")
              .append(composition.tokens())
              .append(" tokens, ")
              .append(protocol.chainsUsd().size())
              .append(" chains); own tokens matched: ")
              .append(
                  composition.ownMatched().isEmpty()
                      ? "none"
                      : String.join(", ", composition.ownMatched()));
      if (stable == null) {
        note.append(
            "; stablecoin list unavailable, so stablecoin, major and long-tail shares are unknown");
      } else {
        note.append("; stablecoins matched by symbol: ")
            .append(
                composition.stableMatched().isEmpty()
                    ? "none"
                    : String.join(", ", composition.stableMatched()))
            .append("; major = BTC, WBTC, BTCB, CBBTC, ETH, WETH and stablecoins");
      }
      add(
          composition::fact,
          provenance(
              endpoints.assetsPage(slug),
              "DeFiLlama CEX assets: " + name(),
              observed == null ? undated() : observed,
              SNAPSHOT_STALE_AFTER,
              note.toString()));
    }

    private void addTrend() {
      ReserveTrend trend = ReserveMath.trend(protocol.history());
      if (trend == null) {
        return;
      }
      List<ProtocolSummary.TvlPoint> history = protocol.history();
      Instant from = history.get(0).date();
      Instant to = history.get(history.size() - 1).date();
      add(
          () -> trend,
          provenance(
              endpoints.cexPage(slug),
              "DeFiLlama CEX transparency: " + name(),
              to,
              TREND_STALE_AFTER,
              "from "
                  + history.size()
                  + " points of the total-assets history of /protocol/"
                  + slug
                  + ", "
                  + day(from)
                  + " to "
                  + day(to)
                  + " (price moves included)"));
    }

    private void addFlows(BigDecimal clean) {
      for (int hours : FLOW_WINDOWS) {
        BigDecimal fromList = row == null || past ? null : row.inflow(hours);
        if (fromList != null) {
          addFlow(
              hours,
              fromList,
              clean,
              retrievedAt,
              "inflows_"
                  + (hours == 24 ? "24h" : hours == 168 ? "1w" : "1m")
                  + " from /cexs, which carries no timestamp");
        } else if (settings.inflowsEnabled()) {
          fetchFlow(hours, clean);
        }
      }
    }

    private void fetchFlow(int hours, BigDecimal clean) {
      Instant end = (past ? asOf : retrievedAt).truncatedTo(ChronoUnit.SECONDS);
      Instant start = end.minus(Duration.ofHours(hours));
      FetchRequest request = endpoints.inflows(slug, start, end, ownTokens);
      String what = "the /inflows answer for '" + slug + "' over " + hours + " h";
      try {
        FetchResponse response = context.http().fetch(request);
        Inflow inflow = Inflow.parse(response, what, request.displayUri());
        addFlow(
            hours,
            inflow.netUsd(),
            clean,
            inflow.endDate() != null ? inflow.endDate() : undated(),
            "from /inflows (field \"outflows\", a signed net inflow), snapshots "
                + day(inflow.startDate())
                + " to "
                + day(inflow.endDate())
                + (ownTokens.isEmpty() ? "" : ", excluding " + String.join(", ", ownTokens)));
      } catch (SourceException e) {
        problems.add(Problem.of(e));
      }
    }

    private void addFlow(
        int hours, BigDecimal net, BigDecimal clean, Instant observed, String note) {
      // DeFiLlama values flows at current prices, so clean assets minus the flow are the holdings
      // at the window's start at today's prices: a base free of price moves.
      Double share = null;
      if (clean != null) {
        BigDecimal base = clean.subtract(net);
        if (base.signum() > 0) {
          share = net.divide(base, MathContext.DECIMAL64).doubleValue();
        }
      }
      Double shareOfReserves = share;
      add(
          () -> new NetFlow(hours, net, shareOfReserves),
          provenance(
              endpoints.cexPage(slug),
              "DeFiLlama CEX transparency: " + name(),
              observed,
              SNAPSHOT_STALE_AFTER,
              note
                  + (shareOfReserves == null
                      ? "; share unknown (no clean-asset figure)"
                      : "; share of start-of-window clean assets (clean assets minus the flow)")));
    }

    // ---- proof-of-reserves pointers ---------------------------------------------------------

    private void collectProofOfReservePointers() {
      int found = 0;
      URI wallets = httpUri(row.walletsLink());
      if (wallets != null) {
        add(
            () ->
                new PorDashboard(
                    wallets,
                    false,
                    "wallet list or proof-of-reserves page that DeFiLlama links for " + row.name()),
            provenance(
                endpoints.cexsPage(),
                "DeFiLlama CEX transparency list",
                retrievedAt,
                LINK_STALE_AFTER,
                "walletsLink of /cexs"));
        found++;
      }
      if (row.auditor() != null && row.lastAuditDate() != null) {
        found++;
        URI link = httpUri(row.auditLink());
        LocalDate date = LocalDate.ofInstant(row.lastAuditDate(), ZoneOffset.UTC);
        add(
            () ->
                new PorAttestation(
                    date,
                    row.auditor(),
                    PorMethod.ASSETS_ONLY,
                    AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                    List.of(),
                    PorCadence.ONE_OFF,
                    false,
                    false,
                    link == null ? null : "audit document: " + link),
            provenance(
                link != null ? link.toString() : endpoints.cexsPage(),
                "Audit of " + row.name() + " by " + row.auditor() + " (as listed by DeFiLlama)",
                row.lastAuditDate(),
                ATTESTATION_STALE_AFTER,
                "auditor, lastAuditDate and auditLink of /cexs; DeFiLlama does not say what the"
                    + " audit covered, so the weakest method (assets only) and a one-off cadence"
                    + " are assumed"));
      }
      int pointers = found;
      // the fields were read, so "none" is a checked absence in DeFiLlama's records (only there)
      add(
          () ->
              new SearchRecord(
                  SearchTopic.PROOF_OF_RESERVES,
                  "DeFiLlama CEX list",
                  null,
                  null,
                  pointers,
                  "the walletsLink (proof-of-reserves or wallet-list page) and auditor fields"
                      + " DeFiLlama keeps for listed exchanges"),
          provenance(
              endpoints.cexsPage(),
              "DeFiLlama CEX transparency list",
              retrievedAt,
              LINK_STALE_AFTER,
              "walletsLink "
                  + (wallets == null ? "absent" : "present")
                  + ", auditor with lastAuditDate "
                  + (row.auditor() != null && row.lastAuditDate() != null ? "present" : "absent")
                  + " for "
                  + row.name()));
    }

    // ---- incidents --------------------------------------------------------------------------

    private void collectIncidents() {
      int found = 0;
      for (Hack hack : hackList) {
        if (!hack.targetsCex() || !concerns(hack)) {
          continue;
        }
        if (past
            && hack.date() != null
            && hack.date().atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(asOf)) {
          continue; // had not happened yet
        }
        found++;
        if (!hack.unrepresentable().isEmpty()) {
          // counted all the same: the search did find an incident, so it is no checked absence
          problems.add(
              new Problem(
                  ReasonCode.MALFORMED_RESPONSE,
                  "a /hacks row for "
                      + hack.name()
                      + " has a value that cannot be represented ("
                      + String.join(", ", hack.unrepresentable())
                      + "); its incident is left out",
                  endpoints.hacksPage(),
                  null));
          continue;
        }
        if (hack.date() == null) {
          problems.add(
              new Problem(
                  ReasonCode.MALFORMED_RESPONSE,
                  "a /hacks row for "
                      + hack.name()
                      + " has an unusable date '"
                      + hack.rawDate()
                      + "'; skipped",
                  endpoints.hacksPage(),
                  null));
          continue;
        }
        URI source = httpUri(hack.source());
        add(
            () ->
                new Incident(
                    hack.date(),
                    IncidentKind.HACK,
                    nonNegative(hack.amount()),
                    hack.technique(),
                    nonNegative(hack.returnedFunds()),
                    Reimbursement.UNKNOWN,
                    null,
                    null,
                    List.of(),
                    null,
                    incidentSummary(hack)),
            provenance(
                source != null ? source.toString() : endpoints.hacksPage(),
                "DeFiLlama hacks: " + hack.name(),
                hack.date().atStartOfDay(ZoneOffset.UTC).toInstant(),
                null,
                "row of /hacks with targetType CEX"
                    + (hack.defillamaId() == null ? "" : ", defillamaId " + hack.defillamaId())
                    + "; returned funds are what the attacker returned or was recovered, not"
                    + " necessarily user reimbursement"));
      }
      boolean known = row != null || (slug != null && !protocolMissing);
      if (found == 0 && !known) {
        // DeFiLlama knows nothing of this exchange: an empty search says too little to record
        return;
      }
      int incidentsFound = found;
      // the search itself is evidence: "no incidents found" is only claimed when /hacks answered
      add(
          () ->
              new IncidentRecordCheck(
                  "DeFiLlama hacks", incidentsFound, "hacks whose target is a CEX"),
          provenance(
              endpoints.hacksPage(),
              "DeFiLlama hacks database",
              past ? asOf : retrievedAt,
              Duration.ofDays(30),
              "rows of /hacks with targetType CEX, matched by DeFiLlama id or by name through the"
                  + " catalogue"
                  + (past
                      ? "; only rows dated on or before as-of "
                          + day(asOf)
                          + " (the list as read today, which may hold incidents reported later)"
                      : "")));
    }

    /** By DeFiLlama id first; by name, id or alias through the catalogue otherwise. */
    private boolean concerns(Hack hack) {
      Set<String> ids = new LinkedHashSet<>();
      for (ExchangeIdentifier id : exchange.identifiers("defillama.id")) {
        ids.add(id.value());
      }
      if (protocol != null && protocol.id() != null) {
        ids.add(protocol.id());
      }
      if (hack.defillamaId() != null) {
        if (ids.contains(hack.defillamaId())) {
          return true;
        }
        var owner = context.catalog().findByIdentifier("defillama.id", hack.defillamaId());
        if (owner.isPresent()) {
          return owner.get().id().equals(exchange.id());
        }
      }
      String name = hack.name();
      if (exchange.isKnownAs(name)) {
        return true;
      }
      if (row != null && row.name().equalsIgnoreCase(name)) {
        return true;
      }
      if (protocol != null && protocol.name() != null && protocol.name().equalsIgnoreCase(name)) {
        return true;
      }
      return context.catalog().find(name).map(e -> e.id().equals(exchange.id())).orElse(false);
    }

    private String incidentSummary(Hack hack) {
      StringBuilder text = new StringBuilder(hack.name());
      if (hack.classification() != null) {
        text.append(": ").append(hack.classification());
      }
      if (!hack.chains().isEmpty()) {
        text.append("; chains ").append(String.join(", ", hack.chains()));
      }
      if (hack.bridgeHack()) {
        text.append("; bridge hack");
      }
      return text.toString();
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The date for a fact whose source gave none: retrieval now, or as-of for a past run. */
    private Instant undated() {
      return past ? asOf : retrievedAt;
    }

    private String name() {
      return row != null ? row.name() : exchange.name();
    }

    private void add(Supplier<Fact> fact, Provenance provenance) {
      try {
        evidence.add(Evidence.of(exchange.id(), fact.get(), provenance));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                ReasonCode.MALFORMED_RESPONSE,
                "DeFiLlama gave a value cexsafe cannot accept: " + e.getMessage(),
                provenance.sourceUrl().toString(),
                null));
      }
    }

    private Provenance provenance(
        String url, String title, Instant observed, Duration staleAfter, String note) {
      return Provenance.builder(COLLECTOR_ID)
          .source(url, title)
          .observedAt(observed)
          .retrievedAt(retrievedAt)
          .evidenceClass(CLASS)
          .staleAfter(staleAfter == null ? null : observed.plus(staleAfter))
          .note(note)
          .build();
    }
  }

  private static BigDecimal nonNegative(BigDecimal value) {
    return value == null || value.signum() < 0 ? null : value;
  }

  private static String day(Instant instant) {
    return instant == null
        ? "an unknown date"
        : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  private static URI httpUri(String text) {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? uri
          : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The start of an error body as one printable line. */
  private static String sample(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(2048);
    String text =
        new String(bytes, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }
}
