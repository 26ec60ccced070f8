package io.cexsafe.cli;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

  /**
   * The exchanges to assess, each once, in the order given (or the catalogue's id order).
   *
   * @param minimum the fewest exchanges the command works with
   * @throws BadInputException when both names and {@code --all} are given, or neither
   */
  List<Exchange> resolve(ExchangeCatalog catalog, List<String> names, int minimum) {
    List<String> given = names == null ? List.of() : names;
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
}
