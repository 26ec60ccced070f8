package io.cexsafe.collectors.disclosures.internal;

import static io.cexsafe.collectors.disclosures.internal.DisclosureParserTest.entry;
import static io.cexsafe.collectors.disclosures.internal.DisclosureParserTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.InvalidInputException;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checked absence in curated files: the search-record fact and the bundled curation. */
class SearchRecordDisclosuresTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
  private static final String CURATION = "cexsafe curated disclosures review";

  @Test
  void theParserAcceptsASearchRecordAndKeepsItsFields() {
    DisclosureFile parsed =
        DisclosureParser.parse(
            file(
                entry(
                    "acme-search-por",
                    """
                    {"type": "search-record", "topic": "PROOF_OF_RESERVES",
                     "source": "research desk", "lookbackMonths": 12, "found": 0}""")),
            "acme.json",
            TODAY,
            true);

    SearchRecord record = (SearchRecord) parsed.facts().get(0).fact();
    assertThat(record.topic()).isEqualTo(SearchTopic.PROOF_OF_RESERVES);
    assertThat(record.lookbackMonths()).isEqualTo(12);
    assertThat(record.checkedAbsent()).isTrue();
    assertThat(record.summary())
        .isEqualTo("searched research desk for proof of reserves over 12 months: none found");
  }

  @Test
  void aSearchRecordWithoutItsFoundCountOrWithANegativeOneIsRefused() {
    assertThatThrownBy(
            () ->
                DisclosureParser.parse(
                    file(
                        entry(
                            "acme-search-por",
                            """
                            {"type": "search-record", "topic": "INSURANCE", "source": "desk"}""")),
                    "acme.json",
                    TODAY,
                    true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.facts[0].fact.found")
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () ->
                DisclosureParser.parse(
                    file(
                        entry(
                            "acme-search-por",
                            """
                            {"type": "search-record", "topic": "INSURANCE", "source": "desk",
                             "found": -1}""")),
                    "acme.json",
                    TODAY,
                    true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("found must not be negative: -1");
    assertThatThrownBy(
            () ->
                DisclosureParser.parse(
                    file(
                        entry(
                            "acme-search-por",
                            """
                            {"type": "search-record", "topic": "RUMOURS", "source": "desk",
                             "found": 0}""")),
                    "acme.json",
                    TODAY,
                    true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.facts[0].fact.topic");
  }

  @Test
  void searchesOfDifferentTopicsAreDifferentSubjectsAndTheSameSearchTwiceIsOne() {
    SearchRecord por = new SearchRecord(SearchTopic.PROOF_OF_RESERVES, "desk", null, 12, 0, null);
    SearchRecord insurance = new SearchRecord(SearchTopic.INSURANCE, "desk", null, 12, 0, null);
    SearchRecord porAgain =
        new SearchRecord(SearchTopic.PROOF_OF_RESERVES, "Desk", null, 24, 1, null);
    SearchRecord elsewhere =
        new SearchRecord(SearchTopic.PROOF_OF_RESERVES, "another desk", null, 12, 0, null);

    assertThat(Subjects.of(por, TODAY)).isNotEqualTo(Subjects.of(insurance, TODAY));
    assertThat(Subjects.of(por, TODAY)).isNotEqualTo(Subjects.of(elsewhere, TODAY));
    assertThat(Subjects.of(por, TODAY)).isEqualTo(Subjects.of(porAgain, TODAY));
  }

  @Test
  void theBundledCurationRecordsItsProofOfReservesSearchesWithLookbackAndSource() {
    List<DisclosureFile> bundled = DisclosureLibrary.loadBundled(LocalDate.now(ZoneOffset.UTC));
    Map<String, List<SearchRecord>> searches =
        bundled.stream()
            .collect(
                Collectors.toMap(
                    DisclosureFile::exchangeId,
                    f ->
                        f.facts().stream()
                            .map(CuratedFact::fact)
                            .filter(SearchRecord.class::isInstance)
                            .map(SearchRecord.class::cast)
                            .toList()));

    Set<String> withPorSearch =
        searches.entrySet().stream()
            .filter(
                e ->
                    e.getValue().stream().anyMatch(s -> s.topic() == SearchTopic.PROOF_OF_RESERVES))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(withPorSearch)
        .containsExactlyInAnyOrder(
            "crypto-com", "coinbase", "binance", "kraken", "okx", "bybit", "gate", "htx");
    Set<SearchTopic> curated =
        EnumSet.of(
            SearchTopic.PROOF_OF_RESERVES, SearchTopic.INSURANCE, SearchTopic.PROTECTION_PROGRAMME);
    for (List<SearchRecord> records : searches.values()) {
      for (SearchRecord record : records) {
        if (curated.contains(record.topic())) {
          assertThat(record.source()).isEqualTo(CURATION);
        }
        if (record.topic() == SearchTopic.PROOF_OF_RESERVES) {
          assertThat(record.lookbackMonths()).isNotNull().isPositive();
        }
      }
    }
    // what the curation found absent, and only that
    assertThat(absent(searches, "crypto-com")).containsExactly(SearchTopic.PROOF_OF_RESERVES);
    assertThat(absent(searches, "coinbase")).containsExactly(SearchTopic.PROOF_OF_RESERVES);
    assertThat(absent(searches, "bybit")).isEmpty();
  }

  private static List<SearchTopic> absent(Map<String, List<SearchRecord>> searches, String id) {
    return searches.get(id).stream()
        .filter(SearchRecord::checkedAbsent)
        .map(SearchRecord::topic)
        .toList();
  }
}
