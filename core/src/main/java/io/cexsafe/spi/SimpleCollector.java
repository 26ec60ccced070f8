package io.cexsafe.spi;

import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.SettingKey;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Fact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The short way to write a collector for one published document (a CSV file, a JSON list) that
 * covers many exchanges: declare the source once, and write only {@link #read}, which turns the
 * document into the facts about one exchange. The class is its own provider: list it in {@code
 * META-INF/services/io.cexsafe.spi.EvidenceCollectorProvider}.
 *
 * <p>The base does the rest of the {@link EvidenceCollector} contract: the {@code base-url} setting
 * (declared), one fetch per run shared by every exchange, provenance from the context's clock, the
 * exchange missing from the document as {@link ReasonCode#NOT_LISTED}, and every failure as data:
 * HTTP faults, an empty or HTML answer, and a document {@link #read} cannot parse ({@link
 * IOException}, {@link IllegalArgumentException} from a fact's validation, or a thrown {@link
 * SourceException}) are {@link ReasonCode#MALFORMED_RESPONSE}, never an exception and never a fact.
 * The document shows its current state only, so the collector is skipped for past as-of dates
 * ({@link EvidenceCollector#keepsHistory()} is false).
 */
public abstract class SimpleCollector implements EvidenceCollectorProvider {
  private final Source source;

  /**
   * Declares the collector's source.
   *
   * @param source the document, its id and trust, as {@link #source} starts it
   */
  protected SimpleCollector(Source source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * The facts about {@code exchange} in {@code document}; an empty list when the exchange is not in
   * it. Check the document's shape first (its header, its fields): a page that is not the document
   * must fail, never read as "not listed".
   *
   * @param exchange the exchange
   * @param document the whole document, as text
   * @return the facts about the exchange
   * @throws IOException when reading fails
   * @throws SourceException when the document is not what it should be, e.g. {@link #malformed}
   */
  protected abstract List<Fact> read(Exchange exchange, String document)
      throws IOException, SourceException;

  /**
   * A document that is not what {@link #read} expects, for {@code throw malformed("...")}.
   *
   * @param message what is wrong with it
   * @return a failure for {@link ReasonCode#MALFORMED_RESPONSE}
   */
  protected static SourceException malformed(String message) {
    return new SourceException(ReasonCode.MALFORMED_RESPONSE, message);
  }

  /**
   * Starts the declaration of a source.
   *
   * @param id the collector's kebab-case id, also its settings prefix
   * @param defaultUrl where the document lives unless {@code <id>.base-url} says otherwise
   * @param title the document's title, shown with every fact as its source
   * @return the source, with no pillars, trusted as a third-party report, never stale
   */
  public static Source source(String id, String defaultUrl, String title) {
    return new Source(
        id, URI.create(defaultUrl), title, Set.of(), EvidenceClass.THIRD_PARTY_REPORT, null);
  }

  @Override
  public final String id() {
    return source.id();
  }

  @Override
  public final List<SettingKey<?>> settings() {
    return List.of(baseUrl());
  }

  @Override
  public final EvidenceCollector create(Config settings) {
    return new DocumentCollector(this, settings.get(baseUrl()));
  }

  private SettingKey<URI> baseUrl() {
    return SettingKey.url("base-url", "where the " + source.title() + " document lives")
        .withDefault(source.defaultUrl());
  }

  /**
   * A declared source: id, where the document lives, its title, the pillars its facts feed, how far
   * it is trusted and how long its facts stay fresh.
   */
  public record Source(
      String id,
      URI defaultUrl,
      String title,
      Set<Pillar> pillars,
      EvidenceClass evidenceClass,
      Duration staleAfter) {
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Validates the components and copies the pillars.
     *
     * @param id the collector's kebab-case id
     * @param defaultUrl the absolute URL of the document
     * @param title the document's title
     * @param pillars the pillars the facts feed
     * @param evidenceClass how far the document is trusted
     * @param staleAfter how long after retrieval the facts stay fresh, or null for always
     */
    public Source {
      Objects.requireNonNull(id, "id");
      if (!KEBAB.matcher(id).matches()) {
        throw new IllegalArgumentException("collector id '" + id + "' must be kebab-case");
      }
      Objects.requireNonNull(defaultUrl, "defaultUrl");
      if (!defaultUrl.isAbsolute()) {
        throw new IllegalArgumentException(
            id + ": the document URL must be absolute: " + defaultUrl);
      }
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException(id + ": the source needs a title");
      }
      pillars = pillars.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(pillars));
      Objects.requireNonNull(evidenceClass, "evidenceClass");
      if (staleAfter != null && (staleAfter.isNegative() || staleAfter.isZero())) {
        throw new IllegalArgumentException(id + ": staleAfter must be positive: " + staleAfter);
      }
    }

    /**
     * Sets the pillars the facts feed.
     *
     * @param first a pillar
     * @param more any others
     * @return the source with those pillars
     */
    public Source pillars(Pillar first, Pillar... more) {
      return new Source(id, defaultUrl, title, EnumSet.of(first, more), evidenceClass, staleAfter);
    }

    /**
     * Sets how far the document is trusted (third-party report unless said otherwise).
     *
     * @param trust its evidence class
     * @return the source with that trust
     */
    public Source evidenceClass(EvidenceClass trust) {
      return new Source(id, defaultUrl, title, pillars, trust, staleAfter);
    }

    /**
     * Sets how long after retrieval its facts count as stale; never, unless said.
     *
     * @param age a positive duration
     * @return the source with that freshness
     */
    public Source staleAfter(Duration age) {
      return new Source(id, defaultUrl, title, pillars, evidenceClass, age);
    }
  }

  /** The collector a {@link SimpleCollector} creates for one base URL. */
  private static final class DocumentCollector implements EvidenceCollector {
    private final SimpleCollector reader;
    private final Source source;
    private final URI url;
    private final SharedDataset<String> document;

    DocumentCollector(SimpleCollector reader, URI url) {
      this.reader = reader;
      this.source = reader.source;
      this.url = url;
      this.document = SharedDataset.of(source.id() + ":" + url, this::fetch);
    }

    @Override
    public String id() {
      return source.id();
    }

    @Override
    public Set<Pillar> pillars() {
      return source.pillars();
    }

    @Override
    public String description() {
      return source.title();
    }

    @Override
    public boolean keepsHistory() {
      return false;
    }

    @Override
    public CollectionResult collect(Exchange exchange, CollectorContext context) {
      List<Fact> facts;
      try {
        facts = reader.read(exchange, context.shared(document));
      } catch (SourceException e) {
        return CollectionResult.failed(
            e.source() == null
                ? new SourceException(e.reason(), e.getMessage(), url.toString(), null, e)
                : e);
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        return CollectionResult.failed(
            new SourceException(
                ReasonCode.MALFORMED_RESPONSE,
                "cannot read " + source.title() + ": " + e.getMessage(),
                url.toString(),
                null,
                e));
      }
      if (facts == null || facts.isEmpty()) {
        return CollectionResult.skipped(
            ReasonCode.NOT_LISTED, exchange.id() + " is not in " + source.title());
      }
      Instant now = context.clock().instant();
      CollectionResult.Builder result = CollectionResult.builder();
      for (Fact fact : facts) {
        Provenance.Builder provenance =
            Provenance.builder(source.id())
                .source(url, source.title())
                .observedAt(now)
                .retrievedAt(now)
                .evidenceClass(source.evidenceClass());
        if (source.staleAfter() != null) {
          provenance.staleAfter(now.plus(source.staleAfter()));
        }
        result.add(Evidence.of(exchange.id(), fact, provenance.build()));
      }
      return result.build();
    }

    private String fetch(CollectorContext context) throws SourceException {
      String text = context.http().get(url).text();
      if (text.isBlank()) {
        throw new SourceException(
            ReasonCode.MALFORMED_RESPONSE,
            "empty answer instead of " + source.title(),
            url.toString());
      }
      String start = text.stripLeading().toLowerCase(Locale.ROOT);
      if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
        throw new SourceException(
            ReasonCode.MALFORMED_RESPONSE,
            "an HTML page instead of " + source.title(),
            url.toString());
      }
      return text;
    }
  }
}
