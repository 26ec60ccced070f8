package io.cexsafe.testing.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Config;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Pillar;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.UserBase;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.SimpleCollector;
import io.cexsafe.testing.InMemoryContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What SimpleCollector adds around read(): freshness, one fetch per run, HTML and empty answers.
 */
class SimpleCollectorBehaviourTest {
  /** "exchange-id users" per line. */
  static final class UsersList extends SimpleCollector {
    UsersList() {
      super(
          source("users-list", "https://users.example.com/users.txt", "Users list")
              .pillars(Pillar.USER_EXPERIENCE)
              .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
              .staleAfter(Duration.ofDays(30)));
    }

    @Override
    protected List<Fact> read(Exchange exchange, String document) {
      return document
          .lines()
          .filter(line -> line.startsWith(exchange.id() + " "))
          .map(line -> (Fact) new UserBase(Long.parseLong(line.split(" ")[1]), null))
          .toList();
    }
  }

  static EvidenceCollector collector() {
    return new UsersList().create(Config.empty());
  }

  static InMemoryContext serving(String body, AtomicInteger fetches, String type) {
    return new InMemoryContext(
        uri -> {
          fetches.incrementAndGet();
          assertThat(uri.toString()).isEqualTo("https://users.example.com/users.txt");
          return body.getBytes(StandardCharsets.UTF_8);
        },
        type);
  }

  static Exchange exchange(String id) {
    return ExchangeCatalog.bundled().get(id);
  }

  @Test
  void evidenceIsDatedByTheClockAndStaleAfterTheDeclaredAge() {
    InMemoryContext context =
        serving("kraken 10\ncrypto-com 20\n", new AtomicInteger(), "text/plain");
    CollectionResult result = collector().collect(exchange("crypto-com"), context);
    assertThat(result.status()).isEqualTo(OutcomeStatus.OK);
    assertThat(result.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fact()).isEqualTo(new UserBase(20, null));
              assertThat(e.provenance().observedAt()).isEqualTo(InMemoryContext.NOW);
              assertThat(e.provenance().retrievedAt()).isEqualTo(InMemoryContext.NOW);
              assertThat(e.provenance().staleAfter())
                  .isEqualTo(InMemoryContext.NOW.plus(Duration.ofDays(30)));
              assertThat(e.evidenceClass()).isEqualTo(EvidenceClass.EXCHANGE_DISCLOSURE);
            });
  }

  @Test
  void theDocumentIsFetchedOncePerRunForEveryExchange() {
    AtomicInteger fetches = new AtomicInteger();
    InMemoryContext context = serving("kraken 10\ncrypto-com 20\n", fetches, "text/plain");
    EvidenceCollector collector = collector();
    collector.collect(exchange("crypto-com"), context);
    collector.collect(exchange("kraken"), context);
    collector.collect(exchange("binance"), context);
    assertThat(fetches).hasValue(1);
  }

  @Test
  void anHtmlPageOrAnEmptyAnswerIsMalformedNeverNotListed() {
    for (String body : List.of("<!DOCTYPE html><html><body>Maintenance</body></html>", "  \n")) {
      CollectionResult result =
          collector()
              .collect(exchange("crypto-com"), serving(body, new AtomicInteger(), "text/html"));
      assertThat(result.status()).as(body).isEqualTo(OutcomeStatus.FAILED);
      assertThat(result.reason()).as(body).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
      assertThat(result.problems().get(0).source())
          .isEqualTo("https://users.example.com/users.txt");
      assertThat(result.evidence()).isEmpty();
    }
  }

  @Test
  void aNumberTheReaderCannotParseIsMalformed() {
    CollectionResult result =
        collector()
            .collect(
                exchange("crypto-com"),
                serving("crypto-com many\n", new AtomicInteger(), "text/plain"));
    assertThat(result.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(result.message()).startsWith("cannot read Users list: ");
  }
}
