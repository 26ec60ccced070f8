package io.cexsafe.reports;

import io.cexsafe.ConfigurationException;
import io.cexsafe.reports.internal.BuiltInRenderers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report formats of a run, found by id: the built-in ones, those registered explicitly and,
 * optionally, those {@link ServiceLoader} discovers through {@code
 * META-INF/services/io.cexsafe.reports.ReportRenderer}. The built-in formats come first in their
 * own order, then the others sorted by id. Two renderers with one id, a renderer that fails to load
 * or one that does not say what it is, fail the build with a {@link ConfigurationException} naming
 * the classes: which of two formats a report would use is not something to guess.
 */
public final class ReportRenderers {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Map<String, ReportRenderer> byId;

  private ReportRenderers(Map<String, ReportRenderer> byId) {
    this.byId = byId;
  }

  /** {@return the six built-in formats: table, json, jsonl, csv, md and html} */
  public static ReportRenderers builtIn() {
    return builder().build();
  }

  /** {@return the built-in formats and those discovered with the thread's context class loader} */
  public static ReportRenderers discover() {
    return builder().discover().build();
  }

  /**
   * The built-in formats and those discovered with the given class loader.
   *
   * @param loader the class loader to discover {@link ReportRenderer} providers with (null: the
   *     system class loader)
   * @return the registry
   * @throws ConfigurationException as {@link Builder#build()} does
   */
  public static ReportRenderers discover(ClassLoader loader) {
    return builder().discover(loader).build();
  }

  /** {@return A builder that starts with the built-in formats} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return every renderer: the built-in ones first, then the others by id} */
  public List<ReportRenderer> all() {
    return List.copyOf(byId.values());
  }

  /** {@return every id, in the order of {@link #all()}} */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /**
   * The renderer with this id, ignoring case and surrounding spaces.
   *
   * @param id the format's id, e.g. {@code csv}
   * @return the renderer
   * @throws ConfigurationException for an unknown id, listing the known ones
   */
  public ReportRenderer find(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    ReportRenderer renderer = byId.get(wanted);
    if (renderer == null) {
      throw new ConfigurationException(
          "unknown report format '" + id + "'; known: " + String.join(", ", byId.keySet()));
    }
    return renderer;
  }

  /**
   * The ids of the renderers that can render {@code kind}, in the order of {@link #all()}.
   *
   * @param kind what is to be rendered
   * @return the ids, possibly none
   */
  public List<String> idsRendering(ReportKind kind) {
    return byId.values().stream()
        .filter(renderer -> renderer.kinds().contains(kind))
        .map(ReportRenderer::id)
        .toList();
  }

  @Override
  public String toString() {
    return "ReportRenderers" + byId.keySet();
  }

  /** Builder for {@link ReportRenderers}; it starts with the built-in formats. */
  public static final class Builder {
    private final List<ReportRenderer> explicit = new ArrayList<>();
    private ClassLoader discoveryLoader;
    private boolean discover;

    private Builder() {}

    /**
     * Registers a renderer; registered ones come before discovered ones with the same id, and two
     * with one id fail {@link #build()}.
     *
     * @param renderer the renderer
     * @return this builder
     * @throws ConfigurationException when {@code renderer} is null
     */
    public Builder register(ReportRenderer renderer) {
      if (renderer == null) {
        throw new ConfigurationException("cannot register a null report renderer");
      }
      explicit.add(renderer);
      return this;
    }

    /**
     * Also discovers renderers with the thread's context class loader.
     *
     * @return this builder
     */
    public Builder discover() {
      return discover(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Also discovers renderers with the given class loader.
     *
     * @param loader the class loader to discover with (null: the system class loader)
     * @return this builder
     */
    public Builder discover(ClassLoader loader) {
      this.discover = true;
      this.discoveryLoader = loader;
      return this;
    }

    /**
     * The registry.
     *
     * @return the built-in renderers, then the registered and discovered ones by id
     * @throws ConfigurationException when two renderers share an id, a discovered one fails to
     *     load, or one has an invalid id, description, media type, extension or kinds
     */
    public ReportRenderers build() {
      Map<String, ReportRenderer> byId = new LinkedHashMap<>();
      for (ReportRenderer renderer : BuiltInRenderers.all()) {
        byId.put(renderer.id(), renderer);
      }
      List<ReportRenderer> added = new ArrayList<>(explicit);
      if (discover) {
        added.addAll(load());
      }
      List<ReportRenderer> others = new ArrayList<>();
      Map<String, ReportRenderer> seen = new LinkedHashMap<>(byId);
      for (ReportRenderer renderer : added) {
        String id = validated(renderer);
        ReportRenderer earlier = seen.putIfAbsent(id, renderer);
        if (earlier != null) {
          throw new ConfigurationException(
              "two report renderers have the id '"
                  + id
                  + "': "
                  + describe(earlier)
                  + " and "
                  + describe(renderer));
        }
        others.add(renderer);
      }
      others.sort(Comparator.comparing(ReportRenderer::id));
      others.forEach(renderer -> byId.put(renderer.id(), renderer));
      return new ReportRenderers(byId);
    }

    private List<ReportRenderer> load() {
      List<ReportRenderer> found = new ArrayList<>();
      Iterator<ReportRenderer> it =
          ServiceLoader.load(ReportRenderer.class, discoveryLoader).iterator();
      try {
        while (it.hasNext()) {
          found.add(it.next());
        }
      } catch (ServiceConfigurationError e) {
        throw new ConfigurationException("a report renderer failed to load: " + e.getMessage(), e);
      }
      return found;
    }

    private static String validated(ReportRenderer renderer) {
      String id;
      String description;
      String mediaType;
      String extension;
      Set<ReportKind> kinds;
      try {
        id = renderer.id();
        description = renderer.description();
        mediaType = renderer.mediaType();
        extension = renderer.fileExtension();
        kinds = renderer.kinds();
      } catch (RuntimeException e) {
        throw new ConfigurationException(
            "report renderer " + renderer.getClass().getName() + " failed to describe itself: " + e,
            e);
      }
      String problem = null;
      if (id == null || !ID.matcher(id).matches()) {
        problem = "its id '" + id + "' is not lower-case words joined by hyphens";
      } else if (description == null || description.isBlank()) {
        problem = "it has no description";
      } else if (mediaType == null || !mediaType.contains("/")) {
        problem = "its media type '" + mediaType + "' is not of the form type/subtype";
      } else if (extension == null || extension.isBlank() || extension.startsWith(".")) {
        problem = "its file extension '" + extension + "' is empty or starts with a dot";
      } else if (kinds == null || kinds.isEmpty()) {
        problem = "it renders nothing (no kinds)";
      }
      if (problem != null) {
        throw new ConfigurationException(
            "report renderer " + renderer.getClass().getName() + " is unusable: " + problem);
      }
      return id;
    }

    private static String describe(ReportRenderer renderer) {
      return renderer.getClass().getName().startsWith(BuiltInRenderers.class.getPackageName())
          ? "the built-in format"
          : renderer.getClass().getName();
    }
  }
}
