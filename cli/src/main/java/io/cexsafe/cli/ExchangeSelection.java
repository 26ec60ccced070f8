package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.DefiLlamaCollector;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.collectors.defillama.ReserveRanking;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Which exchanges a run covers: the names given, or the whole catalogue with {@code --all}. The
 * whole catalogue costs one request per shared list (DeFiLlama's {@code /cexs}, a register file),
 * not one per exchange.
 */
final class ExchangeSelection {
  @Option(
      names = "--all",
      description =
          "Every exchange in the catalogue (bundled plus --catalog), in id order; shared lists are"
              + " fetched once for all of them.")
  boolean all;

  @Option(
      names = "--top",
      paramLabel = "<n>",
      description =
          "The n catalogue exchanges with the largest reserves in DeFiLlama's /cexs list (online;"
              + " with --by reserves).")
  Integer top;

  @Option(
      names = "--by",
      paramLabel = "<order>",
      description = "What --top ranks by: ${COMPLETION-CANDIDATES}.")
  Order by;

  /** What {@code --top} ranks by. */
  enum Order {
    reserves
  }

  /** Bound on --top: it picks from the catalogue, whose size is in the thousands at most. */
  static final int MAX_TOP = 10_000;

  /**
   * The exchanges to assess, each once, in the order given (or the catalogue's id order).
   *
   * @param minimum the fewest exchanges the command works with
   * @throws BadInputException when both names and {@code --all} are given, or neither
   */
  /** True when --all, --top or --by was given, that is, when the exchanges are not named. */
  boolean chosen() {
    return all || top != null || by != null;
  }

  List<Exchange> resolve(
      ExchangeCatalog catalog,
      List<String> names,
      int minimum,
      boolean offline,
      Supplier<Config> config,
      PrintWriter err) {
    List<String> given = names == null ? List.of() : names;
    if (top != null || by != null) {
      return top(catalog, given, minimum, offline, config.get(), err);
    }
    if (all && !given.isEmpty()) {
      throw new BadInputException(
          "give exchange names or --all, not both (got --all and " + String.join(" ", given) + ")");
    }
    if (all) {
      return catalog.all();
    }
    if (given.size() < minimum) {
      throw new BadInputException(
          minimum == 1
              ? "name at least one exchange (see 'cexsafe exchanges'), or give --all"
              : "name at least " + minimum + " exchanges (see 'cexsafe exchanges'), or give --all");
    }
    List<Exchange> selected = new ArrayList<>();
    for (String name : new LinkedHashSet<>(given)) {
      Exchange exchange = catalog.get(name);
      if (!selected.contains(exchange)) {
        selected.add(exchange);
      }
    }
    return selected;
  }

  private List<Exchange> top(
      ExchangeCatalog catalog,
      List<String> given,
      int minimum,
      boolean offline,
      Config config,
      PrintWriter err) {
    if (top == null || by == null) {
      throw new BadInputException("--top and --by go together, e.g. --top 20 --by reserves");
    }
    if (all || !given.isEmpty()) {
      throw new BadInputException(
          "--top picks the exchanges itself: give no exchange names and no --all with it");
    }
    if (top < minimum || top > MAX_TOP) {
      throw new BadInputException(
          "--top must be between " + minimum + " and " + MAX_TOP + ", got " + top);
    }
    if (offline) {
      throw new BadInputException(
          "--top --by reserves ranks by DeFiLlama's live /cexs list, which an --offline run does"
              + " not read; name the exchanges or give --all");
    }
    DefiLlamaSettings settings = DefiLlamaSettings.fromConfig(config.scoped(DefiLlamaCollector.ID));
    ReserveRanking.Result ranking;
    try (HttpSupport http = HttpSupport.create(HttpSettings.fromConfig(config))) {
      ranking =
          ReserveRanking.largest(
              http.scoped(Instant.now().plus(RANKING_TIMEOUT), Clock.systemUTC()),
              settings,
              catalog,
              top);
    } catch (SourceException e) {
      throw new SelectionFailedException(
          "--top --by reserves: DeFiLlama's /cexs list could not be read ("
              + e.reason().name().toLowerCase(Locale.ROOT)
              + "): "
              + e.getMessage());
    }
    if (ranking.top().size() < minimum) {
      throw new SelectionFailedException(
          "--top --by reserves: DeFiLlama lists reserves for only "
              + ranking.top().size()
              + " catalogue exchange(s)");
    }
    if (ranking.top().size() < top) {
      err.println(
          "cexsafe: warning: DeFiLlama lists reserves for only "
              + ranking.top().size()
              + " catalogue exchanges; assessing those");
    }
    if (!ranking.notInCatalogue().isEmpty()) {
      err.println(
          "cexsafe: warning: larger by reserves but not in the catalogue: "
              + String.join(", ", ranking.notInCatalogue()));
    }
    return ranking.top().stream().map(ReserveRanking.Ranked::exchange).toList();
  }

  /** How long the ranking's one request may take. */
  static final Duration RANKING_TIMEOUT = Duration.ofSeconds(60);
}
