package io.cexsafe.collectors.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

class ReviewsCollectorContractTest extends CollectorContractTest {
  @Override
  protected EvidenceCollectorProvider provider() {
    return new ReviewsCollectorProvider();
  }

  @Override
  protected Map<String, String> settings(MockWebServer server) {
    return FixtureServer.settings(server);
  }

  @Override
  protected void serveHappyPath(MockWebServer server) {
    server.setDispatcher(new FixtureServer());
  }

  /**
   * Ratings over several storefronts and themes over a pooled sample are recomputed from what was
   * read: the same subject from fewer inputs (and labelled with its inputs), never a new statement.
   */
  @Override
  protected boolean sameSubject(Fact fromFaultyRun, Fact happy) {
    if (fromFaultyRun instanceof ReviewThemes a && happy instanceof ReviewThemes b) {
      return a.store() == b.store() && a.storefront().equals(b.storefront());
    }
    if (fromFaultyRun instanceof AppRating a
        && happy instanceof AppRating b
        && a.storefront().equals("GLOBAL")
        && b.storefront().equals("GLOBAL")) {
      return a.store() == b.store() && a.appId().equals(b.appId());
    }
    return fromFaultyRun.equals(happy);
  }

  @Override
  protected void verifyHappyPathRequests(List<RecordedRequest> requests) {
    assertThat(requests)
        .extracting(RecordedRequest::getTarget)
        .contains(
            "/store/apps/details?id=co.mona.android&hl=en&gl=us",
            "/lookup?id=1262148500&country=us&entity=software",
            "/lookup?id=1262148500&country=gb&entity=software",
            "/us/rss/customerreviews/page=1/id=1262148500/sortby=mostrecent/json",
            "/us/rss/customerreviews/page=2/id=1262148500/sortby=mostrecent/json");
    assertThat(requests).noneMatch(r -> r.getTarget().contains("business-units"));
  }
}
