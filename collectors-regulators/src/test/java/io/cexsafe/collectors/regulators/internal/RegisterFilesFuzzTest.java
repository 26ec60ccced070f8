package io.cexsafe.collectors.regulators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SourceException;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.testing.InMemoryContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the register files cexsafe downloads and parses itself: ESMA's two CSV
 * files, FINTRAC's CSV, FinCEN's TSV, and the VARA and MAS HTML pages. Each input is served as the
 * register's answer and the source's whole path runs (parse, then match every bundled exchange it
 * applies to). Only {@link SourceException}, the documented data-not-crash failure, may escape;
 * anything else is a finding. Seeds are our own fixtures under {@code
 * RegisterFilesFuzzTestInputs/<method>/}; see docs/fuzzing.md.
 */
class RegisterFilesFuzzTest {
  private static final URI BASE = URI.create("https://register.example/files");
  private static final ExchangeCatalog CATALOG = ExchangeCatalog.bundled();
  private static final byte[] ESMA_CASPS = fixture("esma/CASPS.csv");
  private static final byte[] ESMA_NCASP = fixture("esma/NCASP.csv");

  @FuzzTest(maxDuration = "5m")
  void esmaCasps(byte[] csv) {
    collect(
        new EsmaSource(BASE, true),
        uri -> uri.getPath().endsWith("/CASPS.csv") ? csv : ESMA_NCASP,
        "text/csv");
  }

  @FuzzTest(maxDuration = "5m")
  void esmaNonCompliant(byte[] csv) {
    collect(
        new EsmaSource(BASE, true),
        uri -> uri.getPath().endsWith("/NCASP.csv") ? csv : ESMA_CASPS,
        "text/csv");
  }

  @FuzzTest(maxDuration = "5m")
  void fintracCsv(byte[] csv) {
    collect(new FintracSource(BASE, true), uri -> csv, "text/csv");
  }

  @FuzzTest(maxDuration = "5m")
  void fincenTsv(byte[] tsv) {
    collect(new FincenSource(BASE, true), uri -> tsv, "text/tab-separated-values");
  }

  @FuzzTest(maxDuration = "5m")
  void varaHtml(byte[] html) {
    collect(new VaraSource(BASE, true), uri -> html, "text/html; charset=utf-8");
  }

  @FuzzTest(maxDuration = "5m")
  void masHtml(byte[] html) {
    collect(new MasSource(BASE, true), uri -> html, "text/html; charset=utf-8");
  }

  /** Found by {@link #fintracCsv}: a row without a name became a licence with a blank name. */
  @Test
  void aFintracRowWithoutAnOrganisationNameIsSkippedAndSaysWhy() throws Exception {
    String csv =
        "MSB Registration Number,Organization Names (Legal and Operating),MSB Registration Status,"
            + "Date Initial MSB Registration Approval,MSB Registration Expiry Date,MSB Activities\n"
            + "M21385577,,Registered,2021-02-18,2026-12-18,x\n"
            + "M19343731,\"Legal Name: PAYWARD CANADA INC.\",Registered,2019-11-27,2026-06-20,x\n";

    FintracSource.Registry registry =
        FintracSource.read(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "reg-eng.csv");

    assertThat(registry.byNumber()).containsOnlyKeys("M19343731");
    assertThat(registry.skipped()).containsExactly("record 2 (M21385577): no organisation name");
  }

  private static void collect(RegisterSource source, Function<URI, byte[]> bodies, String type) {
    InMemoryContext context = new InMemoryContext(bodies, type);
    for (Exchange exchange : CATALOG.all()) {
      if (!source.appliesTo(exchange)) {
        continue;
      }
      Findings findings = new Findings("regulators", exchange, context, CollectionResult.builder());
      try {
        source.collect(exchange, findings);
      } catch (SourceException failure) {
        // documented: a malformed, empty or blocked answer is reported as data
      }
    }
  }

  private static byte[] fixture(String name) {
    try (InputStream in = RegisterFilesFuzzTest.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
