package io.cexsafe.cli;

import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.Persona;
import io.cexsafe.scoring.Personas;
import io.cexsafe.scoring.Scorer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that choose how evidence is weighted: a persona or a methodology file. */
public final class ScoringOptions {
  @Option(
      names = "--persona",
      paramLabel = "<name>",
      description =
          "Weigh for a kind of user: long-term-holder, active-trader, card-first, web3-nft,"
              + " institution.")
  String persona;

  @Option(
      names = "--methodology",
      paramLabel = "<file>",
      description = "JSON methodology file with the eight pillar weights (summing to 100).")
  Path methodologyFile;

  /** The persona, or null. */
  Persona persona() {
    if (persona != null && methodologyFile != null) {
      throw new BadInputException("use either --persona or --methodology, not both");
    }
    return persona == null ? null : Personas.find(persona);
  }

  /** The methodology chosen by --methodology or --persona, or the default. */
  Methodology methodology() {
    Persona chosen = persona();
    if (chosen != null) {
      return chosen.methodology();
    }
    return methodologyFile == null
        ? Methodology.defaultMethodology()
        : Methodology.fromJson(methodologyFile);
  }

  /**
   * A scorer for the chosen methodology. An incident record counts as checked only on evidence (an
   * incident, or a recorded search of an incident database), never because a collector ran.
   */
  Scorer scorer() {
    return Scorer.builder(methodology()).build();
  }
}
