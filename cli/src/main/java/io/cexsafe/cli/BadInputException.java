package io.cexsafe.cli;

import io.cexsafe.CexsafeException;

/** A usage problem the CLI detects itself (e.g. a malformed date); exits 2. */
final class BadInputException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
