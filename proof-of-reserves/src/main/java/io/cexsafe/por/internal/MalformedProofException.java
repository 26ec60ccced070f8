package io.cexsafe.por.internal;

/** Thrown inside schemes for proofs that cannot be checked; turned into a MALFORMED verdict. */
public final class MalformedProofException extends RuntimeException {
  private final Integer level;

  public MalformedProofException(String message) {
    this(message, null);
  }

  public MalformedProofException(String message, Integer level) {
    super(message, null, false, false);
    this.level = level;
  }

  public Integer level() {
    return level;
  }
}
