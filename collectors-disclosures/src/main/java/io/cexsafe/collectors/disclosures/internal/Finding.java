package io.cexsafe.collectors.disclosures.internal;

import java.util.Objects;

/**
 * Something wrong with the facts that does not make a file unreadable: a duplicated id, the same
 * fact entered twice, or two facts that contradict each other.
 *
 * @param kind what kind of finding
 * @param message a human explanation naming the facts and files involved
 * @param origin the file concerned
 */
public record Finding(Kind kind, String message, String origin) {
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(origin, "origin");
  }

  /** Kinds of finding. */
  public enum Kind {
    /** Two entries of one file share an id; the later one is left out. */
    DUPLICATE_ID,
    /** The same fact from the same source entered under two ids. */
    DUPLICATE_FACT,
    /** Two facts about the same subject say different things. */
    CONTRADICTION
  }
}
