package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Json;
import io.cexsafe.SourceException;
import io.cexsafe.Version;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.identity.IdentityCandidate;
import io.cexsafe.identity.IdentityMatch;
import io.cexsafe.identity.IdentityMatcher;
import io.cexsafe.identity.LookupFailure;
import io.cexsafe.identity.Resolution;
import io.cexsafe.reports.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Proposes catalogue entries and identifier updates by resolving names across sources. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Resolve exchange names across DeFiLlama's CEX list, ESMA's MiCA CASP file, the FCA register",
      "and Apple's search (online), and write proposed catalogue entries and identifier updates,",
      "each identifier with the evidence and confidence of its match, for a person to review.",
      "Regional arms (Binance vs Binance.US), ties and identifiers another entry claims are listed",
      "under \"review\" and never merged. The file loads with --catalog once reviewed."
    })
final class DiscoverCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(arity = "0..*", paramLabel = "<name>", description = "Exchange names to resolve.")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--from-defillama",
      description = "Resolve every exchange on DeFiLlama's CEX list (besides any names given).")
  boolean fromDefillama;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "<file>",
      description = "The catalogue file to write (JSON, with a \"review\" section).")
  Path output;

  @Option(names = "--force", description = "Replace the output file if it exists.")
  boolean force;

  @Option(names = "--strict", description = "Exit 3 when a source could not be read for some name.")
  boolean strict;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    if (names.isEmpty() && !fromDefillama) {
      throw new BadInputException("give exchange names to resolve, or --from-defillama");
    }
    for (String name : names) {
      try {
        IdentityMatcher.checkName(name);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
    }
    if (Files.exists(output) && !force) {
      throw new BadInputException(
          output + " exists; give --force to replace it (nothing was written)");
    }
    Config config = common.config();
    ExchangeCatalog catalog = common.catalog();
    IdentityMatcher matcher = IdentitySources.matcher(config);
    if (matcher.sources().isEmpty()) {
      throw new BadInputException(
          "every identity source is switched off (defillama, regulators and reviews are disabled)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CatalogProposals proposals = new CatalogProposals(catalog);
    try (HttpSupport http = IdentitySources.http(config)) {
      Set<String> queue = new LinkedHashSet<>();
      for (String name : names) {
        queue.add(name.strip());
      }
      if (fromDefillama) {
        queue.addAll(defillamaNames(matcher, http));
      }
      for (String name : queue) {
        proposals.add(matcher.resolve(name, http));
      }
    }
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("exchanges", proposals.entries());
    file.put("review", review(matcher, proposals));
    ReportOutput writer = new ReportOutput();
    writer.output = output;
    writer.write(out, w -> write(w, Json.writePretty(file)));
    summary(out, proposals);
    boolean incomplete = proposals.proposals().stream().anyMatch(p -> !p.resolution().complete());
    if (incomplete) {
      err.println(
          "cexsafe: warning: some sources could not be read; their matches are unknown, not"
              + " absent (see \"failures\" in the review section)");
    }
    return strict && incomplete ? 3 : Main.OK;
  }

  private List<String> defillamaNames(IdentityMatcher matcher, HttpSupport http) {
    if (!matcher.sources().contains("defillama")) {
      throw new BadInputException(
          "--from-defillama needs DeFiLlama's CEX list, which the settings switch off");
    }
    try {
      List<String> listed = new ArrayList<>();
      for (IdentityCandidate candidate : matcher.listing("defillama", http)) {
        listed.add(candidate.name());
      }
      return listed;
    } catch (SourceException e) {
      throw new SourceUnavailableException(
          "cannot read DeFiLlama's CEX list: " + e.getMessage() + " (nothing was written)");
    }
  }

  private Map<String, Object> review(IdentityMatcher matcher, CatalogProposals proposals) {
    Map<String, Object> review = new LinkedHashMap<>();
    review.put(
        "notice",
        "Unreviewed proposals. Check each identifier's evidence before merging; entries under"
            + " related, ambiguous and conflicts were not merged.");
    review.put("generatedBy", "cexsafe " + Version.current() + " catalog discover");
    review.put("generatedAt", clock.instant().toString());
    review.put("sources", matcher.sources());
    review.put("acceptAt", Resolution.ACCEPT_AT);
    List<Map<String, Object>> items = new ArrayList<>();
    for (CatalogProposals.Proposal proposal : proposals.proposals()) {
      Resolution resolution = proposal.resolution();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("query", resolution.query());
      item.put("action", proposal.action().id());
      if (proposal.entry() != null) {
        item.put("exchangeId", proposal.entry().id());
      }
      item.put("note", proposal.note());
      item.put("accepted", describe(resolution.accepted()));
      item.put("ambiguous", describe(resolution.ambiguous()));
      item.put("related", describe(resolution.related()));
      item.put("alternatives", describe(resolution.alternatives()));
      item.put("conflicts", proposal.conflicts());
      List<Map<String, Object>> failures = new ArrayList<>();
      for (LookupFailure failure : resolution.failures()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("source", failure.source());
        f.put("reason", failure.reason());
        f.put("message", failure.message());
        failures.add(f);
      }
      item.put("failures", failures);
      items.add(item);
    }
    review.put("proposals", items);
    return review;
  }

  private static List<Map<String, Object>> describe(List<IdentityMatch> matches) {
    return matches.stream().map(CatalogProposals::describe).toList();
  }

  private void summary(PrintWriter out, CatalogProposals proposals) {
    TextTable table = new TextTable("NAME", "PROPOSAL", "ID", "MATCHED", "TO REVIEW", "NOT READ");
    for (CatalogProposals.Proposal proposal : proposals.proposals()) {
      Resolution resolution = proposal.resolution();
      int toReview =
          resolution.ambiguous().size()
              + resolution.related().size()
              + resolution.alternatives().size()
              + proposal.conflicts().size();
      table.row(
          resolution.query(),
          proposal.action().id(),
          proposal.entry() == null ? "" : proposal.entry().id(),
          resolution.accepted().stream()
              .map(m -> m.source() + String.format(java.util.Locale.ROOT, " %.2f", m.confidence()))
              .collect(Collectors.joining(", ")),
          String.valueOf(toReview),
          resolution.failures().stream()
              .map(LookupFailure::source)
              .collect(Collectors.joining(", ")));
    }
    table.print(out);
    out.println();
    out.println(
        "Wrote "
            + proposals.entries().size()
            + " proposed entr"
            + (proposals.entries().size() == 1 ? "y" : "ies")
            + " to "
            + output
            + ": unreviewed, check the \"review\" section before using it with --catalog.");
  }

  private static void write(java.io.Writer writer, String text) {
    try {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
