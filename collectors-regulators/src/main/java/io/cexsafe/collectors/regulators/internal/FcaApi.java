package io.cexsafe.collectors.regulators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.HttpFetcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The FCA Financial Services Register API (V0.1) over one run's HTTP client: it sends each call
 * with the credentials, reads the envelope every answer shares, follows {@code ResultInfo} pages,
 * and reads the shapes of the endpoints the register source uses. Every answer is HTTP 200, so "not
 * found", rate limits, rejected credentials and system errors are told apart here from the
 * envelope's {@code Status} and {@code Message}: "not found" is an answer ({@link
 * Envelope#notFound()}), the others are a {@link SourceException} with their reason code. What a
 * firm's record means for an exchange is {@link FcaSource}'s business, not this class's.
 */
final class FcaApi {
  /** Pages followed at most per endpoint: a loop in {@code Next} links must not run forever. */
  static final int MAX_PAGES = 10;

  private static final Pattern POSTCODE = Pattern.compile("\\s*\\(Postcode:[^)]*\\)\\s*$");

  /** "Address LIne 3" (capital I) is the real key; the regular spelling is accepted too. */
  private static final List<String> ADDRESS_KEYS =
      List.of(
          "Address Line 1",
          "Address Line 2",
          "Address LIne 3",
          "Address Line 3",
          "Address Line 4",
          "Town",
          "Postcode",
          "Country");

  private final URI base;
  private final Secret email;
  private final Secret key;
  private final HttpFetcher http;

  FcaApi(URI base, Secret email, Secret key, HttpFetcher http) {
    this.base = base;
    this.email = email;
    this.key = key;
    this.http = http;
  }

  /**
   * The envelope of one call.
   *
   * @param status the API result code, e.g. {@code FSR-API-02-01-00}
   * @param message the human result, e.g. {@code Ok. Firm Found}
   * @param data the payload; null only when {@code notFound}
   * @param resultInfo the paging object, or null
   * @param notFound true when the register answered that there is no such record
   */
  record Envelope(
      String status, String message, JsonNode data, JsonNode resultInfo, boolean notFound) {}

  /**
   * One row of a name search.
   *
   * @param name the name without the {@code (Postcode: …)} the register appends
   * @param reference the FRN; empty for warning-list and clone entries
   * @param status the register status wording
   * @param type the {@code Type of business or Individual}
   */
  record SearchRow(String name, String reference, String status, String type) {}

  /** The full URL of an API path, as problems and evidence name it. */
  String url(String path) {
    return Urls.join(base, path).toString();
  }

  /** The firm-details envelope of an FRN ({@code /Firm/{FRN}}). */
  Envelope firm(String frn) throws SourceException {
    return call(firmPath(frn));
  }

  /** The firm record inside a firm-details envelope that was found. */
  JsonNode firmRecord(Envelope details, String frn) throws SourceException {
    JsonNode data = details.data();
    JsonNode first = data.isArray() && data.size() > 0 ? data.get(0) : data;
    if (first == null || !first.isObject()) {
      throw Payloads.malformed(url(firmPath(frn)), "firm details are not an object");
    }
    return first;
  }

  /** Every firm row of a name search, over all its pages; none when nothing matches. */
  List<SearchRow> search(String name) throws SourceException {
    List<SearchRow> rows = new ArrayList<>();
    for (Envelope page : pages("/Search?q=" + Urls.encode(name) + "&type=firm")) {
      if (page.data() == null || !page.data().isArray()) {
        continue;
      }
      for (JsonNode row : page.data()) {
        rows.add(
            new SearchRow(
                POSTCODE.matcher(JsonPayload.text(row, "Name")).replaceAll(""),
                JsonPayload.text(row, "Reference Number"),
                JsonPayload.text(row, "Status"),
                JsonPayload.text(row, "Type of business or Individual")));
      }
    }
    return rows;
  }

  /** The current and previous names of a firm, in the register's order. */
  List<String> names(String frn) throws SourceException {
    List<String> out = new ArrayList<>();
    for (Envelope page : pages(firmPath(frn) + "/Names")) {
      if (page.data() == null || !page.data().isArray()) {
        continue;
      }
      for (JsonNode group : page.data()) {
        for (Iterator<JsonNode> it = group.elements(); it.hasNext(); ) {
          JsonNode list = it.next();
          if (list.isArray()) {
            for (JsonNode entry : list) {
              String n = JsonPayload.text(entry, "Name");
              if (!n.isEmpty()) {
                out.add(n);
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** The activities a firm has permission for: the keys of the permissions object. */
  List<String> permissions(String frn) throws SourceException {
    Set<String> out = new LinkedHashSet<>();
    for (Envelope page : pages(firmPath(frn) + "/Permissions")) {
      if (page.data() != null && page.data().isObject()) {
        page.data().fieldNames().forEachRemaining(out::add);
      }
    }
    return List.copyOf(out);
  }

  /** The principal place of business on one line; empty when the register gives none. */
  Optional<String> principalAddress(String frn) throws SourceException {
    for (Envelope page : pages(firmPath(frn) + "/Address")) {
      if (page.data() == null || !page.data().isArray()) {
        continue;
      }
      for (JsonNode a : page.data()) {
        if (JsonPayload.text(a, "Address Type").toLowerCase(Locale.ROOT).startsWith("principal")) {
          List<String> parts = new ArrayList<>();
          for (String part : ADDRESS_KEYS) {
            String v = JsonPayload.text(a, part);
            if (!v.isEmpty()) {
              parts.add(v);
            }
          }
          return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
        }
      }
    }
    return Optional.empty();
  }

  /** Every page of a paginated endpoint, following {@code ResultInfo}; none when not found. */
  List<Envelope> pages(String path) throws SourceException {
    List<Envelope> out = new ArrayList<>();
    String next = path;
    for (int page = 1; next != null && page <= MAX_PAGES; page++) {
      Envelope envelope = call(next);
      if (envelope.notFound()) {
        break;
      }
      out.add(envelope);
      next = nextPage(path, envelope.resultInfo(), page);
    }
    return out;
  }

  /**
   * The path of the page after {@code page}, or null when there is none. The register says so with
   * a {@code Next} link or with counts, all as strings; the next page is asked for with {@code
   * pgnp} on our own path rather than by following the absolute link, which names the live host.
   */
  static String nextPage(String path, JsonNode info, int page) {
    if (info == null || !info.isObject()) {
      return null;
    }
    int perPage = intOf(JsonPayload.text(info, "per_page"));
    int total = intOf(JsonPayload.text(info, "total_count"));
    int current = Math.max(page, intOf(JsonPayload.text(info, "page")));
    boolean more =
        !JsonPayload.text(info, "Next").isEmpty() || (perPage > 0 && current * perPage < total);
    if (!more) {
      return null;
    }
    String withoutPage = path.replaceAll("[?&]pgnp=\\d+", "");
    return withoutPage + (withoutPage.contains("?") ? "&" : "?") + "pgnp=" + (current + 1);
  }

  private static int intOf(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * One call and its envelope. The register's code tables contradict its live answers, so "not
   * found" is decided on an empty {@code Data} with a not-found code or message, not on the code
   * alone.
   */
  Envelope call(String path) throws SourceException {
    String source = url(path);
    var response =
        http.fetch(
            FetchRequest.builder(Urls.join(base, path))
                .header("Accept", "application/json")
                .secretHeader("X-Auth-Email", email)
                .secretHeader("X-Auth-Key", key)
                .build());
    JsonNode root = JsonPayload.object(response, source);
    String status = JsonPayload.text(root, "Status");
    String message = JsonPayload.text(root, "Message");
    JsonNode data = root.get("Data");
    if (data != null && data.isNull()) {
      data = null;
    }
    JsonNode info = root.get("ResultInfo");
    if (status.isEmpty() && message.isEmpty()) {
      throw Payloads.malformed(source, "no Status or Message in the FCA envelope");
    }
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("too many") || lower.contains("rate limit") || lower.contains("throttl")) {
      throw new SourceException(
          ReasonCode.RATE_LIMITED, source + ": FCA says " + message + " (" + status + ")", source);
    }
    if (status.startsWith("FSR-API-01-") && !status.endsWith("-00")
        || lower.contains("unauthori")) {
      throw new SourceException(
          ReasonCode.HTTP_CLIENT_ERROR,
          source + ": the FCA rejected the API credentials (" + status + " \"" + message + "\")",
          source);
    }
    if (status.startsWith("FSR-API-99-")) {
      throw new SourceException(
          ReasonCode.HTTP_SERVER_ERROR,
          source + ": FCA system error " + status + " \"" + message + "\"",
          source);
    }
    boolean empty = data == null || (data.isContainerNode() && data.isEmpty());
    if (empty
        && (status.endsWith("-11")
            || lower.contains("not found")
            || lower.contains("no search result"))) {
      return new Envelope(status, message, null, info, true);
    }
    if (data == null) {
      throw Payloads.malformed(
          source, "FCA answered " + status + " \"" + message + "\" without data");
    }
    if (!status.endsWith("-00") && !lower.startsWith("ok")) {
      throw Payloads.malformed(
          source, "FCA answered with status " + status + " \"" + message + "\"");
    }
    return new Envelope(status, message, data, info, false);
  }

  private static String firmPath(String frn) {
    return "/Firm/" + frn;
  }
}
