package io.cexsafe.identity;

import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import java.util.List;
import java.util.Objects;

/**
 * One entry a source lists, as an {@link io.cexsafe.spi.IdentityLookup} found it: its names, the
 * identifiers it would give the exchange and where a person can check it. Unjudged: whether it is
 * the exchange asked for is the {@link IdentityMatcher}'s call.
 *
 * @param source the source's short id ({@code defillama}, {@code esma}, {@code fca}, {@code apple})
 * @param sourceUrl where the entry was read, for a reviewer to check
 * @param names the entry's names, most telling first (at least one)
 * @param identifiers the identifiers the entry carries, e.g. {@code esma.lei} (may be empty)
 * @param entity the legal entity the entry names, or null
 * @param status the source's status wording for the entry (e.g. {@code Authorised}), or null
 */
public record IdentityCandidate(
    String source,
    String sourceUrl,
    List<NameField> names,
    List<ExchangeIdentifier> identifiers,
    LegalEntity entity,
    String status) {
  /**
   * Checks the source and names are present and copies the lists.
   *
   * @param source the source's short id ({@code defillama}, {@code esma}, {@code fca}, {@code
   *     apple})
   * @param sourceUrl where the entry was read, for a reviewer to check
   * @param names the entry's names, most telling first (at least one)
   * @param identifiers the identifiers the entry carries, e.g. {@code esma.lei} (may be empty)
   * @param entity the legal entity the entry names, or null
   * @param status the source's status wording for the entry (e.g. {@code Authorised}), or null
   * @throws IllegalArgumentException when {@code source} is blank or {@code names} is empty
   */
  public IdentityCandidate {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    Objects.requireNonNull(sourceUrl, "sourceUrl");
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    if (names.isEmpty()) {
      throw new IllegalArgumentException(source + " candidate has no name");
    }
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    status = status == null || status.isBlank() ? null : status.strip();
  }

  /** {@return the entry's first name, its most telling one} */
  public String name() {
    return names.get(0).value();
  }
}
