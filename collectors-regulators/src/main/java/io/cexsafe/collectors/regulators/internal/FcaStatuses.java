package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.facts.LicenceStatus;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The FCA register's status wording and what each means, as one ordered table. The register writes
 * free text ({@code Authorised}, {@code No Longer Registered as a PSD Agent}, {@code EMD Agent
 * Revoked}, {@code Cancelled - Small PI}), so wordings are matched on lower-cased, trimmed text and
 * the first rule that matches decides. Adverse words come first: "Cancelled - Small PI" must not
 * read as current, whatever else it says. Wording no rule matches is not understood (empty), never
 * guessed.
 */
final class FcaStatuses {
  /** How a rule's wording is compared with the register's text. */
  enum Match {
    EXACTLY,
    STARTS_WITH,
    CONTAINS;

    boolean test(String text, String wording) {
      return switch (this) {
        case EXACTLY -> text.equals(wording);
        case STARTS_WITH -> text.startsWith(wording);
        case CONTAINS -> text.contains(wording);
      };
    }
  }

  /**
   * One line of the table.
   *
   * @param match how the wording is compared
   * @param wording lower-case text
   * @param status what the register means by it
   */
  record Rule(Match match, String wording, LicenceStatus status) {
    Rule {
      Objects.requireNonNull(match, "match");
      Objects.requireNonNull(status, "status");
      if (wording == null
          || wording.isBlank()
          || !wording.equals(wording.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("a rule's wording is lower-case text, was " + wording);
      }
    }

    boolean matches(String normalised) {
      return match.test(normalised, wording);
    }
  }

  private static Rule rule(Match match, String wording, LicenceStatus status) {
    return new Rule(match, wording, status);
  }

  /** The table, in the order it is read. */
  static final List<Rule> RULES =
      List.of(
          rule(Match.CONTAINS, "revoked", LicenceStatus.REVOKED_OR_WITHDRAWN),
          rule(Match.CONTAINS, "cancelled", LicenceStatus.REVOKED_OR_WITHDRAWN),
          rule(Match.CONTAINS, "de-recognised", LicenceStatus.REVOKED_OR_WITHDRAWN),
          rule(Match.CONTAINS, "terminated", LicenceStatus.REVOKED_OR_WITHDRAWN),
          rule(Match.CONTAINS, "prohibited", LicenceStatus.REVOKED_OR_WITHDRAWN),
          rule(Match.CONTAINS, "withdrawn", LicenceStatus.REVOKED_OR_WITHDRAWN),
          rule(Match.STARTS_WITH, "no longer", LicenceStatus.LAPSED),
          rule(Match.STARTS_WITH, "lapsed", LicenceStatus.LAPSED),
          rule(Match.CONTAINS, "former", LicenceStatus.LAPSED),
          // the warning list's own word; "unauthorised firm" is a type of business, not a status
          rule(Match.EXACTLY, "unauthorised", LicenceStatus.WARNED),
          rule(Match.STARTS_WITH, "authorised", LicenceStatus.ACTIVE),
          rule(Match.STARTS_WITH, "registered", LicenceStatus.ACTIVE),
          rule(Match.STARTS_WITH, "eea authorised", LicenceStatus.ACTIVE),
          rule(Match.STARTS_WITH, "mlrs registered", LicenceStatus.ACTIVE),
          rule(Match.EXACTLY, "active", LicenceStatus.ACTIVE),
          rule(Match.EXACTLY, "approved", LicenceStatus.ACTIVE),
          rule(Match.EXACTLY, "recognised", LicenceStatus.ACTIVE),
          rule(Match.STARTS_WITH, "appointed representative", LicenceStatus.ACTIVE));

  private FcaStatuses() {}

  /** The rule that decides a wording; empty when none does (or the wording is blank). */
  static Optional<Rule> rule(String raw) {
    String text = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return RULES.stream().filter(r -> r.matches(text)).findFirst();
  }

  /** The normalised status of a register wording; empty for wording not understood. */
  static Optional<LicenceStatus> status(String raw) {
    return rule(raw).map(Rule::status);
  }

  /**
   * Whether a firm is registered under the Money Laundering Regulations (the cryptoasset regime,
   * AML supervision only): its status is plain {@code Registered}, or its {@code MLRs Status} says
   * registered and is current.
   */
  static boolean mlrRegistered(String status, String mlrStatus) {
    return status.equalsIgnoreCase("Registered")
        || (mlrStatus.toLowerCase(Locale.ROOT).contains("registered")
            && status(mlrStatus).orElse(null) == LicenceStatus.ACTIVE);
  }
}
