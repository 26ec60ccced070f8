package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Secret;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.http.FetchRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;

/**
 * The URLs the collector calls and the human-readable pages its evidence points to. With a Pro API
 * key, calls go to {@code {pro-base-url}/{key}/api/...}; the key is masked in every displayed URL.
 */
final class Endpoints {
  private final String api;
  private final String apiDisplay;
  private final Secret key;
  private final String stablecoins;
  private final String web;

  Endpoints(DefiLlamaSettings settings) {
    this.key = settings.apiKey().orElse(null);
    if (key == null) {
      this.api = trim(settings.baseUrl());
      this.apiDisplay = api;
    } else {
      String pro = trim(settings.proBaseUrl());
      this.api = pro + "/" + segment(key.reveal()) + "/api";
      this.apiDisplay = pro + "/****/api";
    }
    this.stablecoins = trim(settings.stablecoinsUrl());
    this.web = trim(settings.webUrl());
  }

  FetchRequest cexs() {
    return json("/cexs").build();
  }

  FetchRequest hacks() {
    return json("/hacks").build();
  }

  /** Answers 400 and 404 come back as responses: they mean "no such protocol" here. */
  FetchRequest protocol(String slug, long maxBodyBytes) {
    return json("/protocol/" + segment(slug)).accept(400, 404).maxBodyBytes(maxBodyBytes).build();
  }

  FetchRequest inflows(String slug, Instant start, Instant end, Collection<String> exclude) {
    StringBuilder path =
        new StringBuilder("/inflows/")
            .append(segment(slug))
            .append('/')
            .append(start.getEpochSecond())
            .append("?end=")
            .append(end.getEpochSecond());
    if (!exclude.isEmpty()) {
      path.append("&tokensToExclude=").append(query(String.join(",", exclude)));
    }
    return json(path.toString()).build();
  }

  FetchRequest stablecoins() {
    return FetchRequest.builder(URI.create(stablecoins + "/stablecoins"))
        .header("Accept", "application/json")
        .build();
  }

  String cexPage(String slug) {
    return web + "/cex/" + segment(slug);
  }

  String assetsPage(String slug) {
    return web + "/cex/assets/" + segment(slug);
  }

  String cexsPage() {
    return web + "/cexs";
  }

  String hacksPage() {
    return web + "/hacks";
  }

  private FetchRequest.Builder json(String pathAndQuery) {
    FetchRequest.Builder request =
        FetchRequest.builder(URI.create(api + pathAndQuery))
            .header("Accept", "application/json")
            .displayAs(apiDisplay + pathAndQuery);
    // marks the request keyed: never cached, never redirected to another host, key masked
    return key == null ? request : request.credential(key);
  }

  private static String trim(URI uri) {
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ",");
  }
}
