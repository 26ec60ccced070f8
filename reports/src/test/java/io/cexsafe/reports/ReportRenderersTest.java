package io.cexsafe.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ConfigurationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRenderersTest {
  private static final List<String> BUILT_IN =
      List.of("table", "json", "jsonl", "csv", "md", "html");

  @TempDir Path dir;

  @Test
  void theBuiltInFormatsAreTheEnumsInItsOrder() {
    ReportRenderers builtIn = ReportRenderers.builtIn();
    assertThat(builtIn.ids()).containsExactlyElementsOf(BUILT_IN);
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.renderer()).isSameAs(builtIn.find(format.id()));
      assertThat(ReportWriter.of(format).renderer()).isSameAs(format.renderer());
    }
    assertThat(builtIn.all())
        .extracting(ReportRenderer::fileExtension)
        .containsExactly("txt", "json", "jsonl", "csv", "md", "html");
    assertThat(builtIn.find("csv").mediaType()).isEqualTo("text/csv");
    assertThat(builtIn.all())
        .allSatisfy(
            renderer -> {
              assertThat(renderer.kinds()).containsExactlyInAnyOrder(ReportKind.values());
              assertThat(renderer.description()).isNotBlank();
            });
  }

  @Test
  void aRendererWithAnIdWritesWhatItsFormatWrites() {
    // one named run, so that the envelope of JSON output is the same both ways
    ReportOptions run = ReportOptions.defaults().withRunId(io.cexsafe.RunId.of("same-run"));
    for (ReportFormat format : ReportFormat.values()) {
      ReportRenderer renderer = ReportRenderers.builtIn().find(format.id());
      assertThat(
              written(ReportWriter.of(renderer).withOptions(run), Samples.acme(), Samples.bolt()))
          .isEqualTo(
              written(ReportWriter.of(format).withOptions(run), Samples.acme(), Samples.bolt()));
      StringWriter compared = new StringWriter();
      ReportWriter.of(renderer).withOptions(run).writeComparison(Samples.comparison(), compared);
      StringWriter expected = new StringWriter();
      ReportWriter.of(format).withOptions(run).writeComparison(Samples.comparison(), expected);
      assertThat(compared.toString()).isEqualTo(expected.toString());
    }
  }

  @Test
  void aRendererListedInMetaInfServicesIsDiscoveredAndUsed() {
    ReportRenderers discovered = ReportRenderers.discover(getClass().getClassLoader());
    assertThat(discovered.ids())
        .startsWith(BUILT_IN.toArray(String[]::new))
        .endsWith("grade-lines");
    ReportRenderer grades = discovered.find(" Grade-LINES ");
    assertThat(grades).isInstanceOf(GradeLinesRenderer.class);
    assertThat(written(ReportWriter.of(grades), Samples.acme(), Samples.bolt()))
        .isEqualTo(
            "acme "
                + Samples.acme().scorecard().methodology()
                + " "
                + Samples.acme().scorecard().methodologyVersion()
                + " "
                + Samples.acme().scorecard().gradeLabel()
                + "\nbolt "
                + Samples.bolt().scorecard().methodology()
                + " "
                + Samples.bolt().scorecard().methodologyVersion()
                + " "
                + Samples.bolt().scorecard().gradeLabel()
                + "\n");
    assertThat(written(ReportWriter.of(grades).listingEvidence(true), Samples.acme()))
        .endsWith(" evidence=" + Samples.acme().bundle().evidence().size() + "\n");
    assertThat(ReportRenderers.builtIn().ids()).doesNotContain("grade-lines");
  }

  @Test
  void discoveryUsesTheThreadsContextClassLoaderByDefault() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try {
      thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
      assertThat(ReportRenderers.discover().ids()).containsExactlyElementsOf(BUILT_IN);
      thread.setContextClassLoader(getClass().getClassLoader());
      assertThat(ReportRenderers.discover().ids()).contains("grade-lines");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void aRendererOnlyForAssessmentsRefusesAComparison() {
    ReportRenderers discovered = ReportRenderers.discover(getClass().getClassLoader());
    assertThat(discovered.idsRendering(ReportKind.COMPARISON)).containsExactlyElementsOf(BUILT_IN);
    assertThat(discovered.idsRendering(ReportKind.ASSESSMENTS)).contains("grade-lines");
    StringWriter out = new StringWriter();
    assertThatThrownBy(
            () ->
                ReportWriter.of(discovered.find("grade-lines"))
                    .writeComparison(Samples.comparison(), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("report format 'grade-lines' cannot render a comparison");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnknownIdListsTheKnownOnes() {
    ReportRenderers discovered = ReportRenderers.discover(getClass().getClassLoader());
    assertThatThrownBy(() -> discovered.find("pdf"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "unknown report format 'pdf'; known: table, json, jsonl, csv, md, html, grade-lines");
    assertThatThrownBy(() -> discovered.find(null)).hasMessageContaining("unknown report format");
    assertThatThrownBy(() -> discovered.find("")).hasMessageContaining("known: table");
  }

  @Test
  void explicitRegistrationAddsAFormatAndKeepsTheBuiltInsFirst() {
    ReportRenderers renderers =
        ReportRenderers.builder()
            .register(new Fixed("zz-last", "text/plain", "txt", Set.of(ReportKind.ASSESSMENTS)))
            .register(new Fixed("aa-first", "text/plain", "txt", Set.of(ReportKind.COMPARISON)))
            .build();
    assertThat(renderers.ids())
        .containsExactly("table", "json", "jsonl", "csv", "md", "html", "aa-first", "zz-last");
    assertThat(written(ReportWriter.of(renderers.find("zz-last")), Samples.acme()))
        .isEqualTo("zz-last 1\n");
    assertThatThrownBy(
            () ->
                ReportWriter.of(renderers.find("aa-first"))
                    .writeAssessments(List.of(Samples.acme()), new StringWriter()))
        .hasMessage("report format 'aa-first' cannot render assessments");
  }

  @Test
  void twoRenderersWithOneIdAreAnErrorNamingBoth() {
    assertThatThrownBy(() -> ReportRenderers.builder().register(new Fixed("json")).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "two report renderers have the id 'json': the built-in format and "
                + Fixed.class.getName());
    assertThatThrownBy(
            () ->
                ReportRenderers.builder()
                    .register(new GradeLinesRenderer())
                    .discover(getClass().getClassLoader())
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "two report renderers have the id 'grade-lines': "
                + GradeLinesRenderer.class.getName()
                + " and "
                + GradeLinesRenderer.class.getName());
  }

  @Test
  void aDiscoveredDuplicateIsAnErrorAtDiscovery() throws IOException {
    try (URLClassLoader loader = withServices(DuplicateCsvRenderer.class.getName())) {
      assertThatThrownBy(() -> ReportRenderers.discover(loader))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage(
              "two report renderers have the id 'csv': the built-in format and "
                  + DuplicateCsvRenderer.class.getName());
    }
  }

  @Test
  void aRendererThatFailsToLoadIsAnErrorNamingIt() throws IOException {
    try (URLClassLoader loader = withServices("com.example.MissingRenderer")) {
      assertThatThrownBy(() -> ReportRenderers.discover(loader))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("a report renderer failed to load: ")
          .hasMessageContaining("com.example.MissingRenderer");
    }
  }

  @Test
  void aRendererThatDoesNotSayWhatItIsIsRefused() {
    assertThatThrownBy(() -> ReportRenderers.builder().register(new Fixed("Bad Id")).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "report renderer "
                + Fixed.class.getName()
                + " is unusable: its id 'Bad Id' is not lower-case words joined by hyphens");
    assertThatThrownBy(
            () ->
                ReportRenderers.builder()
                    .register(new Fixed("pdf", "pdf", "pdf", Set.of(ReportKind.ASSESSMENTS)))
                    .build())
        .hasMessageEndingWith("its media type 'pdf' is not of the form type/subtype");
    assertThatThrownBy(
            () ->
                ReportRenderers.builder()
                    .register(
                        new Fixed("pdf", "application/pdf", ".pdf", Set.of(ReportKind.ASSESSMENTS)))
                    .build())
        .hasMessageEndingWith("its file extension '.pdf' is empty or starts with a dot");
    assertThatThrownBy(
            () ->
                ReportRenderers.builder()
                    .register(new Fixed("pdf", "application/pdf", "pdf", Set.of()))
                    .build())
        .hasMessageEndingWith("it renders nothing (no kinds)");
    assertThatThrownBy(() -> ReportRenderers.builder().register(null))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void optionsAreValuesAndTheWriterHandsThemOn() {
    ReportOptions listing = ReportOptions.defaults().listingEvidence(true);
    assertThat(ReportOptions.defaults().listsEvidence()).isFalse();
    assertThat(listing.listsEvidence()).isTrue();
    assertThat(listing)
        .isEqualTo(ReportOptions.defaults().listingEvidence(true))
        .hasSameHashCodeAs(ReportOptions.defaults().listingEvidence(true));
    assertThat(listing.listingEvidence(false)).isEqualTo(ReportOptions.defaults());
    ReportWriter writer = ReportWriter.of(ReportFormat.TABLE);
    assertThat(writer.withOptions(listing).options()).isEqualTo(listing);
    assertThat(writer.listingEvidence(true).options()).isEqualTo(listing);
    assertThat(writer.options()).isEqualTo(ReportOptions.defaults());
    assertThatThrownBy(() -> writer.withOptions(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  @SuppressWarnings("deprecation")
  void theDeprecatedFormatAccessorNamesOnlyBuiltInFormats() {
    assertThat(ReportWriter.of(ReportFormat.CSV).format()).isEqualTo(ReportFormat.CSV);
    assertThatThrownBy(() -> ReportWriter.of(new GradeLinesRenderer()).format())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'grade-lines' is not a built-in one");
  }

  private URLClassLoader withServices(String... classNames) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(ReportRenderer.class.getName()),
        String.join("\n", classNames) + "\n",
        StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  private static String written(ReportWriter writer, ExchangeAssessment... assessments) {
    StringWriter out = new StringWriter();
    writer.writeAssessments(List.of(assessments), out);
    return out.toString();
  }

  /** Not in META-INF/services: a discovery test lists it in a services file of its own. */
  public static final class DuplicateCsvRenderer implements ReportRenderer {
    @Override
    public String id() {
      return "csv";
    }

    @Override
    public String description() {
      return "another CSV";
    }

    @Override
    public String mediaType() {
      return "text/csv";
    }

    @Override
    public String fileExtension() {
      return "csv";
    }

    @Override
    public Set<ReportKind> kinds() {
      return Set.of(ReportKind.ASSESSMENTS);
    }
  }

  private record Fixed(String id, String mediaType, String fileExtension, Set<ReportKind> kinds)
      implements ReportRenderer {
    Fixed(String id) {
      this(id, "text/plain", "txt", Set.of(ReportKind.ASSESSMENTS));
    }

    @Override
    public String description() {
      return "a fixed line";
    }

    @Override
    public void renderAssessments(
        List<ExchangeAssessment> assessments, ReportOptions options, Writer out)
        throws IOException {
      out.write(id + " " + assessments.size() + "\n");
    }
  }
}
