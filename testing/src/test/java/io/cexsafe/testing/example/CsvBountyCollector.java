package io.cexsafe.testing.example;

import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.SourceException;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.facts.Fact;
import io.cexsafe.spi.SimpleCollector;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Bug-bounty programmes from a published CSV file: exchange,platform,max_reward_usd. */
public final class CsvBountyCollector extends SimpleCollector {
  private static final List<String> COLUMNS = List.of("exchange", "platform", "max_reward_usd");

  public CsvBountyCollector() {
    super(
        source("csv-bounties", "https://bounties.example.com/bounties.csv", "Bounty list")
            .pillars(Pillar.APP_SECURITY)
            .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT));
  }

  @Override
  protected List<Fact> read(Exchange exchange, String document)
      throws IOException, SourceException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser csv = format.parse(new StringReader(document))) {
      if (!csv.getHeaderNames().equals(COLUMNS)) {
        throw malformed("expected the columns " + COLUMNS + ", got " + csv.getHeaderNames());
      }
      List<Fact> facts = new ArrayList<>();
      for (CSVRecord row : csv) {
        if (row.get("exchange").equals(exchange.id())) {
          BigDecimal reward = new BigDecimal(row.get("max_reward_usd"));
          facts.add(new BugBounty(row.get("platform"), reward, null));
        }
      }
      return facts;
    }
  }
}
