package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.identity.IdentityCandidate;
import io.cexsafe.identity.NameField;
import io.cexsafe.spi.IdentityLookup;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The FCA register's firm search ({@code /Search?q=<name>&type=firm}) as identity candidates: each
 * firm row with its FRN. Rows without an FRN (warning-list and clone entries) are left out: they
 * identify nothing.
 */
public final class FcaNameSearch implements IdentityLookup {
  private static final Pattern FRN = Pattern.compile("\\d{6,7}");

  private final URI base;
  private final Secret email;
  private final Secret key;

  /**
   * A search of the register API at {@code base}.
   *
   * @param email the API account's e-mail, or null when not configured
   * @param key the API key, or null when not configured
   */
  public FcaNameSearch(URI base, Secret email, Secret key) {
    this.base = base;
    this.email = email;
    this.key = key;
  }

  @Override
  public String source() {
    return "fca";
  }

  @Override
  public List<IdentityCandidate> search(String name, HttpFetcher http) throws SourceException {
    if (email == null || key == null) {
      throw new SourceException(
          ReasonCode.MISSING_CREDENTIALS,
          "the FCA register API needs regulators.fca.api-key and regulators.fca.email",
          base.toString());
    }
    FcaApi api = new FcaApi(base, email, key, http);
    List<IdentityCandidate> candidates = new ArrayList<>();
    for (FcaApi.SearchRow row : api.search(name)) {
      String frn = row.reference() == null ? "" : row.reference().strip();
      if (!FRN.matcher(frn).matches() || row.name() == null || row.name().isBlank()) {
        continue;
      }
      candidates.add(
          new IdentityCandidate(
              source(),
              api.url("/Firm/" + frn),
              List.of(new NameField("Name", row.name())),
              List.of(new ExchangeIdentifier("fca.frn", frn, row.name().strip(), null)),
              null,
              row.status()));
    }
    return candidates;
  }
}
