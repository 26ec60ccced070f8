package io.cexsafe.cli;

import io.cexsafe.CexsafeException;

/**
 * A source a command cannot do without could not be read (e.g. DeFiLlama's CEX list for {@code
 * catalog discover --from-defillama}, or every source for {@code assess --name}); exits 1 with the
 * source's reason.
 */
final class SourceUnavailableException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  SourceUnavailableException(String message) {
    super(message);
  }
}
