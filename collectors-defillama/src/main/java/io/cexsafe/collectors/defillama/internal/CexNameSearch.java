package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.identity.IdentityCandidate;
import io.cexsafe.identity.NameField;
import io.cexsafe.spi.IdentityLookup;
import java.util.ArrayList;
import java.util.List;

/**
 * DeFiLlama's CEX list ({@code /cexs}) as identity candidates: every listed exchange with its name
 * and, when DeFiLlama tracks its wallets, its slug. One call serves any name; the matcher judges
 * each row.
 */
public final class CexNameSearch implements IdentityLookup {
  private final Endpoints endpoints;

  /** A search of the list at the settings' API. */
  public CexNameSearch(DefiLlamaSettings settings) {
    this.endpoints = new Endpoints(settings);
  }

  @Override
  public String source() {
    return "defillama";
  }

  @Override
  public boolean listsEverything() {
    return true;
  }

  @Override
  public List<IdentityCandidate> search(String name, HttpFetcher http) throws SourceException {
    CexList list = CexList.parse(http.fetch(endpoints.cexs()));
    List<IdentityCandidate> candidates = new ArrayList<>();
    for (CexRow row : list.rows()) {
      List<NameField> names = new ArrayList<>();
      names.add(new NameField("name", row.name()));
      List<ExchangeIdentifier> identifiers = new ArrayList<>();
      if (row.tracked()) {
        names.add(new NameField("slug", row.rawSlug()));
        identifiers.add(new ExchangeIdentifier("defillama.slug", row.slug()));
      }
      candidates.add(
          new IdentityCandidate(
              source(),
              row.tracked() ? endpoints.cexPage(row.slug()) : endpoints.cexsPage(),
              names,
              identifiers,
              null,
              row.tracked() ? "tracked" : "listed without wallet tracking"));
    }
    return candidates;
  }
}
