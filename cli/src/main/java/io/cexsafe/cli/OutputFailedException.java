package io.cexsafe.cli;

import io.cexsafe.CexsafeException;

/** The report could not be written (disk full, permission denied, pipe closed); exits 1. */
final class OutputFailedException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  OutputFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
