package io.cexsafe.collectors.defillama;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.internal.CexRankings;
import io.cexsafe.http.HttpFetcher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue's exchanges ranked by the reserves DeFiLlama's {@code /cexs} list gives them
 * ({@code currentTvl}, the USD value of the wallets it tracks): what {@code --top N --by reserves}
 * selects. One request, whatever the catalogue size.
 */
public final class ReserveRanking {
  private ReserveRanking() {}

  /**
   * One catalogue exchange with the reserves DeFiLlama lists for it.
   *
   * @param exchange the catalogue entry
   * @param reservesUsd DeFiLlama's {@code currentTvl} for it, in USD
   * @param listedName the name DeFiLlama lists it under
   */
  public record Ranked(Exchange exchange, BigDecimal reservesUsd, String listedName) {
    /**
     * One catalogue exchange with the reserves DeFiLlama lists for it.
     *
     * @param exchange the catalogue entry
     * @param reservesUsd DeFiLlama's {@code currentTvl} for it, in USD
     * @param listedName the name DeFiLlama lists it under
     * @throws NullPointerException when any component is null
     */
    public Ranked {
      Objects.requireNonNull(exchange, "exchange");
      Objects.requireNonNull(reservesUsd, "reservesUsd");
      Objects.requireNonNull(listedName, "listedName");
    }
  }

  /**
   * The ranking and what it could not place.
   *
   * @param top the {@code n} catalogue exchanges with the largest reserves, largest first
   * @param notInCatalogue names of listed exchanges larger than the last of {@code top} that the
   *     catalogue does not hold (so a reader knows the top is the catalogue's, not the world's)
   */
  public record Result(List<Ranked> top, List<String> notInCatalogue) {
    /**
     * The ranking and what it could not place; both lists are copied.
     *
     * @param top the {@code n} catalogue exchanges with the largest reserves, largest first
     * @param notInCatalogue names of listed exchanges larger than the last of {@code top} that the
     *     catalogue does not hold (so a reader knows the top is the catalogue's, not the world's)
     * @throws NullPointerException when a list or any of its elements is null
     */
    public Result {
      top = List.copyOf(top);
      notInCatalogue = List.copyOf(notInCatalogue);
    }
  }

  /**
   * Reads {@code /cexs} and ranks {@code catalog}'s exchanges by their listed reserves.
   *
   * @param http the fetcher the request goes through
   * @param settings DeFiLlama's settings, giving the base URL and API key of {@code /cexs}
   * @param catalog the exchanges to rank, matched to listed rows by their {@code defillama.slug}
   *     identifier or name; exchanges not listed, or listed without reserves, are left out
   * @param n how many to keep, at least 1
   * @return the (up to) {@code n} largest catalogue exchanges, and the larger listed exchanges the
   *     catalogue lacks
   * @throws IllegalArgumentException when {@code n} is less than 1
   * @throws SourceException when the list cannot be read or is malformed
   */
  public static Result largest(
      HttpFetcher http, DefiLlamaSettings settings, ExchangeCatalog catalog, int n)
      throws SourceException {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    return CexRankings.largest(http, settings, catalog, n);
  }
}
