package io.cexsafe.collectors.disclosures.internal;

import io.cexsafe.InputFiles;
import io.cexsafe.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The disclosure facts of every exchange: the bundled dataset, optionally overridden and extended
 * by the files of a user directory. Immutable and thread-safe.
 *
 * <p>Built either from parsed files ({@link #of}) or {@linkplain #onDemand on demand}: then the
 * bundled index names the exchanges, and an exchange's bundled file is parsed the first time that
 * exchange is asked for, so a command about one exchange never parses the others' files. Both forms
 * give the same facts and findings: files are grouped by exchange before they are merged.
 */
public final class DisclosureLibrary {
  /** Where the bundled files live on the class path. */
  public static final String RESOURCE_DIR = "io/cexsafe/collectors/disclosures/";

  /**
   * Lists the bundled files, one exchange id a line; every listed file must load. The build
   * generates it from the files beside it (see this module's pom), so a jar is never scanned.
   */
  public static final String INDEX = RESOURCE_DIR + "index.txt";

  private final Set<String> exchanges;
  private final Function<String, ExchangeDisclosures> merger;
  private final ConcurrentMap<String, ExchangeDisclosures> merged = new ConcurrentHashMap<>();

  private DisclosureLibrary(Set<String> exchanges, Function<String, ExchangeDisclosures> merger) {
    this.exchanges = Collections.unmodifiableSet(new TreeSet<>(exchanges));
    this.merger = merger;
  }

  /** The facts and findings for one exchange. */
  public record ExchangeDisclosures(
      String exchangeId, List<CuratedFact> facts, List<Finding> findings) {
    public ExchangeDisclosures {
      facts = List.copyOf(facts);
      findings = List.copyOf(findings);
    }
  }

  /**
   * Builds the library from parsed files.
   *
   * @param bundled the bundled files (may be empty)
   * @param user the user's files, which override bundled facts with the same id and add the rest
   */
  public static DisclosureLibrary of(List<DisclosureFile> bundled, List<DisclosureFile> user) {
    Map<String, List<DisclosureFile>> bundledByExchange = group(bundled);
    Map<String, List<DisclosureFile>> userByExchange = group(user);
    Set<String> exchanges = new TreeSet<>(bundledByExchange.keySet());
    exchanges.addAll(userByExchange.keySet());
    Map<String, ExchangeDisclosures> result = new TreeMap<>();
    for (String exchange : exchanges) {
      result.put(
          exchange,
          merge(
              exchange,
              bundledByExchange.getOrDefault(exchange, List.of()),
              userByExchange.getOrDefault(exchange, List.of())));
    }
    return new DisclosureLibrary(exchanges, result::get);
  }

  /**
   * A library over the bundled files visible to {@code loader}, each parsed when its exchange is
   * first asked for, and the user's parsed files.
   *
   * @param today the date that decides which dates lie in the future
   * @throws InvalidInputException for an unreadable or invalid bundled index
   */
  public static DisclosureLibrary onDemand(
      ClassLoader loader, LocalDate today, List<DisclosureFile> user) {
    Set<String> bundledIds = new TreeSet<>(bundledIndex(loader));
    Map<String, List<DisclosureFile>> userByExchange = group(user);
    Set<String> exchanges = new TreeSet<>(bundledIds);
    exchanges.addAll(userByExchange.keySet());
    return new DisclosureLibrary(
        exchanges,
        exchange ->
            merge(
                exchange,
                bundledIds.contains(exchange)
                    ? List.of(loadBundledFile(loader, exchange, today))
                    : List.of(),
                userByExchange.getOrDefault(exchange, List.of())));
  }

  /**
   * The facts and findings for one exchange.
   *
   * @throws InvalidInputException when the exchange's bundled file, parsed now, is invalid
   */
  public Optional<ExchangeDisclosures> find(String exchangeId) {
    if (!exchanges.contains(exchangeId)) {
      return Optional.empty();
    }
    return Optional.of(merged.computeIfAbsent(exchangeId, merger));
  }

  /** Every exchange with at least one file, sorted. */
  public Set<String> exchanges() {
    return exchanges;
  }

  private static Map<String, List<DisclosureFile>> group(List<DisclosureFile> files) {
    Map<String, List<DisclosureFile>> grouped = new LinkedHashMap<>();
    for (DisclosureFile file : files) {
      grouped.computeIfAbsent(file.exchangeId(), k -> new ArrayList<>()).add(file);
    }
    return grouped;
  }

  private static ExchangeDisclosures merge(
      String exchange, List<DisclosureFile> bundled, List<DisclosureFile> user) {
    List<Finding> findings = new ArrayList<>();
    Map<String, CuratedFact> facts = new LinkedHashMap<>();
    for (DisclosureFile file : bundled) {
      findings.addAll(file.findings());
      for (CuratedFact fact : file.facts()) {
        CuratedFact earlier = facts.putIfAbsent(fact.id(), fact);
        if (earlier != null) {
          findings.add(duplicateAcrossFiles(fact, earlier));
        }
      }
    }
    Map<String, CuratedFact> userFacts = new LinkedHashMap<>();
    for (DisclosureFile file : user) {
      findings.addAll(file.findings());
      for (CuratedFact fact : file.facts()) {
        CuratedFact earlier = userFacts.putIfAbsent(fact.id(), fact);
        if (earlier != null) {
          findings.add(duplicateAcrossFiles(fact, earlier));
          continue;
        }
        CuratedFact replaced = facts.get(fact.id());
        facts.put(fact.id(), replaced == null ? fact : fact.overriding(replaced));
      }
    }
    List<CuratedFact> effective = new ArrayList<>(facts.values());
    findings.addAll(compare(effective));
    return new ExchangeDisclosures(exchange, effective, findings);
  }

  private static Finding duplicateAcrossFiles(CuratedFact later, CuratedFact earlier) {
    return new Finding(
        Finding.Kind.DUPLICATE_ID,
        later.origin()
            + ": id '"
            + later.id()
            + "' is already used in "
            + earlier.origin()
            + "; this entry is left out",
        later.origin());
  }

  /** Duplicates (same fact and source under two ids) and contradictions (same subject). */
  private static List<Finding> compare(List<CuratedFact> facts) {
    List<Finding> findings = new ArrayList<>();
    Map<String, List<CuratedFact>> bySubject = new LinkedHashMap<>();
    for (CuratedFact fact : facts) {
      bySubject
          .computeIfAbsent(Subjects.of(fact.fact(), fact.observedOn()), k -> new ArrayList<>())
          .add(fact);
    }
    for (List<CuratedFact> group : bySubject.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          CuratedFact a = group.get(i);
          CuratedFact b = group.get(j);
          if (a.fact().equals(b.fact())) {
            if (a.sourceUrl().equals(b.sourceUrl())) {
              findings.add(
                  new Finding(
                      Finding.Kind.DUPLICATE_FACT,
                      "facts '"
                          + a.id()
                          + "' ("
                          + a.origin()
                          + ") and '"
                          + b.id()
                          + "' ("
                          + b.origin()
                          + ") state the same "
                          + a.fact().typeName()
                          + " from the same source",
                      b.origin()));
            }
            // the same fact from two sources corroborates: nothing to report
          } else {
            findings.add(
                new Finding(
                    Finding.Kind.CONTRADICTION,
                    "facts '"
                        + a.id()
                        + "' ("
                        + a.origin()
                        + ": "
                        + a.fact().summary()
                        + ") and '"
                        + b.id()
                        + "' ("
                        + b.origin()
                        + ": "
                        + b.fact().summary()
                        + ") contradict each other; override one by its id to settle it",
                    b.origin()));
          }
        }
      }
    }
    return findings;
  }

  // ---- loading ----------------------------------------------------------------------------

  /**
   * Loads every bundled file listed in the index. The dataset loads completely or not at all.
   *
   * @throws InvalidInputException naming the resource, the JSON path and the problem
   */
  public static List<DisclosureFile> loadBundled(LocalDate today) {
    return loadBundled(DisclosureLibrary.class.getClassLoader(), today);
  }

  /** Loads the bundled files visible to {@code loader}; see {@link #loadBundled(LocalDate)}. */
  public static List<DisclosureFile> loadBundled(ClassLoader loader, LocalDate today) {
    List<DisclosureFile> files = new ArrayList<>();
    for (String exchange : bundledIndex(loader)) {
      files.add(loadBundledFile(loader, exchange, today));
    }
    return List.copyOf(files);
  }

  private static DisclosureFile loadBundledFile(
      ClassLoader loader, String exchange, LocalDate today) {
    String resource = RESOURCE_DIR + exchange + ".json";
    String origin = "bundled " + exchange + ".json";
    byte[] json = readResourceBytes(loader, resource, origin);
    // the build's digest of the file when there is one (always, in a built jar): the same facts
    // without data binding at start-up
    String digestResource = RESOURCE_DIR + exchange + DisclosureDigests.SUFFIX;
    if (loader.getResource(digestResource) != null) {
      byte[] digest =
          readResourceBytes(
              loader, digestResource, "bundled " + exchange + DisclosureDigests.SUFFIX);
      return DisclosureDigests.read(digest, json, exchange, today);
    }
    return parseBundled(new String(json, StandardCharsets.UTF_8), exchange, today);
  }

  /** Parses one bundled file with its full validation. */
  static DisclosureFile parseBundled(String json, String exchange, LocalDate today) {
    String origin = "bundled " + exchange + ".json";
    DisclosureFile file = DisclosureParser.parse(json, origin, today, false);
    requireMatchingName(file, exchange, origin);
    return file;
  }

  /** The exchange ids the bundled index lists. */
  public static List<String> bundledIndex(ClassLoader loader) {
    String index = readResource(loader, INDEX, "bundled index.txt");
    List<String> ids = new ArrayList<>();
    int line = 0;
    for (String raw : index.split("\n", -1)) {
      line++;
      String id = raw.strip();
      if (id.isEmpty() || id.startsWith("#")) {
        continue;
      }
      if (!DisclosureParser.ID.matcher(id).matches() || ids.contains(id)) {
        throw new InvalidInputException(
            "bundled index.txt", "line " + line, "not a new kebab-case exchange id: '" + id + "'");
      }
      ids.add(id);
    }
    return List.copyOf(ids);
  }

  /**
   * Loads the {@code <exchange-id>.json} files of a user directory; other files are ignored.
   *
   * @throws InvalidInputException for a missing directory or the first invalid file
   */
  public static List<DisclosureFile> loadDirectory(Path directory, LocalDate today) {
    if (!Files.isDirectory(directory)) {
      throw new InvalidInputException(
          directory.toString(), null, "disclosures directory does not exist or is not a directory");
    }
    // a .json entry that is a pipe, device, directory or link loop is an error, never skipped:
    // the user's facts must not vanish silently
    List<Path> jsonFiles =
        InputFiles.listRegularFiles(directory, p -> p.getFileName().toString().endsWith(".json"));
    List<DisclosureFile> files = new ArrayList<>();
    for (Path path : jsonFiles) {
      String origin = path.toString();
      String json = InputFiles.readString(path);
      String name = path.getFileName().toString();
      DisclosureFile file = DisclosureParser.parse(json, origin, today, true);
      requireMatchingName(file, name.substring(0, name.length() - ".json".length()), origin);
      files.add(file);
    }
    return List.copyOf(files);
  }

  private static void requireMatchingName(DisclosureFile file, String expected, String origin) {
    if (!file.exchangeId().equals(expected)) {
      throw new InvalidInputException(
          origin,
          "$.exchange",
          "the file describes '"
              + file.exchangeId()
              + "' but is named for '"
              + expected
              + "'; name it "
              + file.exchangeId()
              + ".json");
    }
  }

  private static String readResource(ClassLoader loader, String resource, String origin) {
    return new String(readResourceBytes(loader, resource, origin), StandardCharsets.UTF_8);
  }

  private static byte[] readResourceBytes(ClassLoader loader, String resource, String origin) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new InvalidInputException(origin, null, "missing from the class path: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidInputException(origin, null, "cannot read: " + e.getMessage(), e);
    }
  }
}
