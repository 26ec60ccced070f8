package io.cexsafe.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.Scorecard;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static Document parse(String html) {
    return Jsoup.parse(html);
  }

  static void assertSelfContained(String html) {
    Document doc = parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("[src]")).isEmpty();
    assertThat(doc.select("link")).isEmpty();
    assertThat(doc.select("style").html()).doesNotContain("url(").doesNotContain("@import");
    assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .contains("default-src 'none'");
    assertThat(doc.select("[href]").eachAttr("href"))
        .allMatch(href -> href.startsWith("#") || href.startsWith("https://"));
  }

  @Test
  void assessmentPageHasChartGradeFindingsAndEveryEvidenceWithSourceAndDate() {
    ExchangeAssessment acme = Samples.acme();
    String html = ReportWriterTest.assess(ReportFormat.HTML, acme);
    assertSelfContained(html);
    Document doc = parse(html);
    Scorecard card = acme.scorecard();

    Element chart = doc.selectFirst("svg.chart");
    assertThat(chart).isNotNull();
    assertThat(chart.select("g.pillar")).hasSize(8);
    for (PillarScore pillar : card.pillars()) {
      Element row = chart.selectFirst("g.pillar[data-pillar=" + pillar.pillar().id() + "]");
      Element score = row.selectFirst("rect.score");
      if (pillar.estimate() == null) {
        assertThat(score).isNull();
        assertThat(row.select("text.value").text()).isEqualTo("unknown");
      } else {
        // 400 px for 100 points
        assertThat(Double.parseDouble(score.attr("width")))
            .isCloseTo(pillar.estimate() * 4, org.assertj.core.data.Offset.offset(0.06));
      }
      assertThat(row.select("line.range")).hasSize(3);
    }
    assertThat(doc.select(".grade").text())
        .isEqualTo(card.grade() == null ? "NR" : card.grade().name());
    assertThat(doc.select(".methodology").text())
        .isEqualTo(
            "Methodology cexsafe-default 1.0, methodology 2.0 · evaluated 2026-11-21T23:59:59Z");
    assertThat(
            doc.select("ul.red-flags li").size() + doc.select("h2:contains(Red flags) + p").size())
        .isEqualTo(Math.max(1, card.redFlags().size()));
    assertThat(doc.select("ul.findings li")).hasSize(card.findings().size());

    for (Evidence e : acme.bundle().evidence()) {
      Element row = doc.selectFirst("tr[data-evidence=" + e.id() + "]");
      assertThat(row).as(e.id()).isNotNull();
      assertThat(row.text()).contains(e.provenance().sourceTitle());
      assertThat(row.text()).contains(e.provenance().observedAt().toString().substring(0, 10));
    }
    Element bounty = doc.selectFirst("td.source a");
    assertThat(bounty.attr("href")).isEqualTo("https://example.org/bounty?a=1&b=2");
    assertThat(bounty.text()).isEqualTo("Bounty page " + Samples.SCRIPT);
    assertThat(doc.select("td.source").text()).contains("Curated review (urn:cexsafe:seed:cold)");
    assertThat(doc.select("a[href^=urn]")).isEmpty();
    // the evidence's rule links to its row
    String ref = doc.selectFirst("li[data-rule] a.ev-ref").attr("href");
    assertThat(doc.select(ref)).hasSize(1);

    assertThat(doc.select("tr[data-collector=defillama] td").eachText())
        .containsExactly("defillama", "failed (timeout)", "0", "timed out after 10 s");
    assertThat(doc.select("tr[data-collector=regulators]").text()).contains("skipped (offline)");
    assertThat(doc.select("ul.stale-evidence li").text())
        .contains("stale after 2025-01-01")
        .contains("observed 2024-01-01");
  }

  @Test
  void hostileTextIsEscapedNeverMarkup() {
    String html = ReportWriterTest.assess(ReportFormat.HTML, Samples.acme());
    assertThat(html)
        .doesNotContain("<script")
        .contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
    Document doc = parse(html);
    assertThat(doc.title()).isEqualTo("cexsafe report: Acme, \"the\" | exchange");
    assertThat(doc.body().text()).contains(Samples.SCRIPT + " & co");
  }

  @Test
  void comparisonPageShowsChartsSideBySideAndTheControlMatrix() {
    ComparisonReport report = Samples.comparison();
    String html = ReportWriterTest.compare(ReportFormat.HTML, report);
    assertSelfContained(html);
    Document doc = parse(html);
    List<Element> cards = doc.select(".cards .card");
    assertThat(cards).hasSize(2);
    assertThat(cards.stream().map(c -> c.attr("data-exchange")))
        .containsExactlyElementsOf(
            report.comparison().entries().stream().map(e -> e.exchangeId()).toList());
    for (Element card : cards) {
      assertThat(card.select("svg.chart.compact g.pillar")).hasSize(8);
    }
    assertThat(doc.select("table.controls tbody tr"))
        .hasSize(report.comparison().controls().size());
    assertThat(doc.select("table.controls thead th").eachText())
        .containsExactly("Control", "acme", "bolt");
    assertThat(doc.select("table.ranking tbody tr")).hasSize(2);
    assertThat(doc.select("ul.statements li")).isNotEmpty();
    assertThat(doc.select("table.collectors")).hasSize(2);
    assertThat(doc.select("ul.stale-evidence")).hasSize(2);
    assertThat(doc.select("p.meta").first().text()).contains("cexsafe-default 1.0", "2026-11-21");
  }
}
