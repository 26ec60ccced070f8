package io.cexsafe.cli;

/** The exchanges to assess could not be chosen because the source that ranks them failed. */
final class SelectionFailedException extends RuntimeException {
  SelectionFailedException(String message) {
    super(message);
  }
}
