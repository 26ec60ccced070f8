package io.cexsafe.cli.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * One loopback server standing in for the public sources: each source lives under its own path
 * prefix (its {@code base-url}), answers from fixtures under {@code src/test/resources/e2e/} and
 * every request is kept so a test can check what the jar asked for.
 */
final class LoopbackMirror implements AutoCloseable {
  /** What the mirror received: method, path, query and the headers a test checks. */
  record Received(
      String method, String path, String query, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String target() {
      return query == null ? path : path + "?" + query;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();

  private record Route(String contentType, String body, MockResponse response) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();

  LoopbackMirror() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            Map<String, String> headers = new ConcurrentHashMap<>();
            for (String name : request.getHeaders().names()) {
              headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeaders().get(name));
            }
            String path = request.getUrl().encodedPath();
            received.add(
                new Received(
                    request.getMethod(),
                    path,
                    request.getUrl().encodedQuery(),
                    headers,
                    request.getBody() == null ? "" : request.getBody().utf8()));
            Route route = routes.get(path);
            if (route != null && route.response() != null) {
              return route.response();
            }
            return route != null
                ? new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", route.contentType())
                    .body(route.body())
                    .build()
                : new MockResponse.Builder().code(404).body("no mirror route for " + path).build();
          }
        });
  }

  void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL of a source served under {@code prefix}, e.g. {@code /llama}. */
  String baseUrl(String prefix) {
    return server.url(prefix).toString();
  }

  /** Serves the fixture {@code e2e/<fixture>} at {@code path} (query ignored). */
  LoopbackMirror serve(String path, String contentType, String fixture) {
    return text(path, contentType, fixture(fixture));
  }

  /** Serves {@code body} at {@code path} with status 200. */
  LoopbackMirror text(String path, String contentType, String body) {
    routes.put(path, new Route(contentType, body, null));
    return this;
  }

  /** Answers {@code path} with {@code response} (an error, a redirect, …). */
  LoopbackMirror answer(String path, MockResponse response) {
    routes.put(path, new Route(null, null, response));
    return this;
  }

  LoopbackMirror json(String path, String fixture) {
    return serve(path, "application/json; charset=utf-8", fixture);
  }

  /**
   * Adds every register the regulators collector reads, answered from the e2e fixtures: FCA under
   * {@code /fca/V0.1}, ESMA {@code /esma}, FinCEN {@code /fincen}, VARA {@code /vara}, AUSTRAC
   * {@code /austrac/vaspr}, MAS {@code /mas/fid} and FINTRAC {@code /fintrac}.
   */
  LoopbackMirror registers() {
    return json("/fca/V0.1/Firm/941745", "registers/fca-firm-941745.json")
        .json("/fca/V0.1/Firm/941745/Names", "registers/fca-names-941745.json")
        .json("/fca/V0.1/Firm/941745/Permissions", "registers/fca-permissions-none.json")
        .json("/fca/V0.1/Firm/941745/Address", "registers/fca-address-941745.json")
        .json("/fca/V0.1/Firm/944788", "registers/fca-firm-not-found.json")
        .json("/fca/V0.1/Search", "registers/fca-search-foris.json")
        .serve("/esma/CASPS.csv", "text/csv; charset=utf-8", "registers/esma-CASPS.csv")
        .serve("/esma/NCASP.csv", "text/csv; charset=utf-8", "registers/esma-NCASP.csv")
        .serve(
            "/fincen/retrieve.msb.list.php",
            "text/plain; charset=utf-8",
            "registers/fincen-msb.tsv")
        .serve(
            "/vara/en/licenses-and-register/public-register/",
            "text/html; charset=utf-8",
            "registers/vara-register.html")
        .json("/austrac/vaspr/remitters/", "registers/austrac-abn-76640692735.json")
        .serve(
            "/mas/fid/custom/resultpartial", "text/html; charset=utf-8", "registers/mas-page1.html")
        .serve("/fintrac/reg-eng.csv", "text/csv; charset=utf-8", "registers/fintrac-reg-eng.csv");
  }

  /** Whether a route answers {@code path}. */
  boolean serves(String path) {
    return routes.containsKey(path);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** The requests whose path starts with {@code prefix}. */
  List<Received> receivedUnder(String prefix) {
    return received.stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  static String fixture(String name) {
    try (InputStream in = LoopbackMirror.class.getResourceAsStream("/e2e/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture e2e/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
