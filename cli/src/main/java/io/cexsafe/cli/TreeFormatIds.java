package io.cexsafe.cli;

import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.ProofVerifier;
import java.util.Iterator;

/**
 * The ids of the proof formats that come with a published tree file, for help texts: derived from
 * the schemes, which each declare whether they take a tree. Options name it as {@code
 * completionCandidates} and show it with {@code ${COMPLETION-CANDIDATES}}: picocli's way of putting
 * a computed list into an annotation's text.
 */
final class TreeFormatIds implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return ProofVerifier.standard().schemes().stream()
        .filter(ProofScheme::takesTree)
        .map(ProofScheme::id)
        .iterator();
  }
}
