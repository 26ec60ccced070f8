package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.identity.IdentityCandidate;
import io.cexsafe.identity.NameField;
import io.cexsafe.spi.IdentityLookup;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every CASP of ESMA's interim MiCA register ({@code CASPS.csv}) as an identity candidate: its
 * commercial name and legal name, and its LEI. The file has no query API, so the whole file is read
 * and the matcher judges each row.
 */
public final class EsmaNameSearch implements IdentityLookup {
  private static final Pattern LEI = Pattern.compile("[A-Z0-9]{20}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern BRANDS = Pattern.compile("\\s*[,;|]\\s*");
  private static final long MAX_BYTES = 50L * 1024 * 1024;

  private final URI caspsUrl;

  /** A search of the {@code CASPS.csv} under {@code base}. */
  public EsmaNameSearch(URI base) {
    this.caspsUrl = Urls.join(base, "/CASPS.csv");
  }

  @Override
  public String source() {
    return "esma";
  }

  @Override
  public boolean listsEverything() {
    return true;
  }

  @Override
  public List<IdentityCandidate> search(String name, HttpFetcher http) throws SourceException {
    EsmaRegister.Snapshot<EsmaRegister.Casp> snapshot =
        http.fetch(
            FetchRequest.builder(caspsUrl)
                .header("Accept", "text/csv, text/plain;q=0.9, */*;q=0.1")
                .maxBodyBytes(MAX_BYTES)
                .build(),
            (body, head) -> EsmaRegister.casps(body, caspsUrl.toString()));
    if (snapshot.truncated()) {
      throw new SourceException(
          io.cexsafe.ReasonCode.MALFORMED_RESPONSE,
          "CASPS.csv ends in the middle of a record (a truncated download)",
          caspsUrl.toString());
    }
    // one candidate per LEI: the register repeats whole rows
    Map<String, IdentityCandidate> byLei = new LinkedHashMap<>();
    for (EsmaRegister.Casp casp : snapshot.rows()) {
      String lei = casp.lei();
      if (lei == null || !LEI.matcher(lei).matches() || byLei.containsKey(lei)) {
        continue;
      }
      List<NameField> names = new ArrayList<>();
      if (casp.commercialName() != null) {
        // one row may name several brands: "Kraken, Kraken Digital Asset Exchange"
        for (String brand : BRANDS.split(casp.commercialName())) {
          if (!brand.isBlank()) {
            names.add(new NameField("ae_commercial_name", brand));
          }
        }
      }
      if (casp.legalName() != null && !casp.legalName().isBlank()) {
        names.add(new NameField("ae_lei_name", casp.legalName()));
      }
      if (names.isEmpty()) {
        continue;
      }
      String legalName = casp.legalName() == null ? null : casp.legalName().strip();
      LegalEntity entity =
          legalName != null
                  && !legalName.isEmpty()
                  && casp.homeState() != null
                  && COUNTRY.matcher(casp.homeState()).matches()
              ? new LegalEntity(
                  legalName, casp.homeState(), lei, "MiCA CASP (" + authority(casp) + ")")
              : null;
      byLei.put(
          lei,
          new IdentityCandidate(
              source(),
              caspsUrl.toString(),
              names,
              List.of(new ExchangeIdentifier("esma.lei", lei, legalName, null)),
              entity,
              casp.endedOn() == null ? "authorised" : "authorisation ended " + casp.endedOn()));
    }
    return List.copyOf(byLei.values());
  }

  private static String authority(EsmaRegister.Casp casp) {
    return casp.authority() == null || casp.authority().isBlank()
        ? "authorised in " + casp.homeState()
        : casp.authority().strip();
  }
}
