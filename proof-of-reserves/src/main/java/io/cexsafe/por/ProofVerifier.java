package io.cexsafe.por;

import io.cexsafe.InvalidInputException;
import io.cexsafe.por.internal.Json;
import io.cexsafe.por.internal.Schemes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry of proof schemes keyed by id, with format auto-detection.
 *
 * <pre>{@code
 * Verdict verdict = ProofVerifier.standard().verify(ProofInput.fromFiles(proof, null));
 * }</pre>
 */
public final class ProofVerifier {

  private static final ProofVerifier STANDARD = new ProofVerifier(Schemes.standard());

  private final Map<String, ProofScheme> schemes;

  private ProofVerifier(List<ProofScheme> schemes) {
    Map<String, ProofScheme> byId = new LinkedHashMap<>();
    for (ProofScheme scheme : schemes) {
      Objects.requireNonNull(scheme, "scheme");
      if (byId.putIfAbsent(scheme.id(), scheme) != null) {
        throw new IllegalArgumentException("two schemes share the id " + scheme.id());
      }
    }
    this.schemes = Collections.unmodifiableMap(byId);
  }

  /** {@return every scheme this library implements, in detection order} */
  public static ProofVerifier standard() {
    return STANDARD;
  }

  /**
   * A registry of the given schemes; detection tries them in this order.
   *
   * @param schemes the schemes, with distinct ids
   * @return the registry
   */
  public static ProofVerifier of(List<? extends ProofScheme> schemes) {
    return new ProofVerifier(new ArrayList<>(schemes));
  }

  /**
   * This registry plus more schemes, tried after the existing ones.
   *
   * @param more the schemes to add
   * @return a new registry
   */
  public ProofVerifier with(ProofScheme... more) {
    List<ProofScheme> all = new ArrayList<>(schemes.values());
    all.addAll(List.of(more));
    return new ProofVerifier(all);
  }

  /** {@return the schemes, in detection order} */
  public List<ProofScheme> schemes() {
    return List.copyOf(schemes.values());
  }

  /**
   * Finds a scheme by id.
   *
   * @param id the scheme's id, e.g. {@code okx-v2}
   * @return the scheme, or empty when none has that id
   */
  public Optional<ProofScheme> scheme(String id) {
    return Optional.ofNullable(schemes.get(id));
  }

  /**
   * The first scheme that recognises the proof file.
   *
   * @param input the proof
   * @return the scheme, or empty when none recognises it
   */
  public Optional<ProofScheme> detect(ProofInput input) {
    Objects.requireNonNull(input, "input");
    return schemes.values().stream().filter(scheme -> scheme.detects(input)).findFirst();
  }

  /**
   * Verifies with the detected scheme.
   *
   * @param input the proof, and its tree if given
   * @return the scheme's verdict
   * @throws InvalidInputException when no scheme recognises the proof file
   */
  public Verdict verify(ProofInput input) {
    ProofScheme scheme =
        detect(input)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        input.proofName(),
                        null,
                        "proof format not recognised"
                            + whyNotJson(input.proof())
                            + "; name it with --format (one of "
                            + String.join(", ", schemes.keySet())
                            + ")"));
    return scheme.verify(input);
  }

  /**
   * For a file that looks like JSON (first non-blank byte '{' or '[') but does not parse as proofs
   * are read (duplicate keys, nesting too deep, not UTF-8, …): ": not valid JSON (why, where)";
   * otherwise empty, since no scheme could say anything better.
   */
  private static String whyNotJson(byte[] proof) {
    int i = 0;
    while (i < proof.length
        && (proof[i] == ' ' || proof[i] == '\t' || proof[i] == '\r' || proof[i] == '\n')) {
      i++;
    }
    if (i == proof.length || proof[i] != '{' && proof[i] != '[') {
      return "";
    }
    return Json.syntaxError(proof).map(error -> ": not valid JSON (" + error + ")").orElse("");
  }

  /**
   * Verifies with the named scheme.
   *
   * @param schemeId the scheme's id
   * @param input the proof, and its tree if given
   * @return the scheme's verdict
   * @throws InvalidInputException when no scheme has this id
   */
  public Verdict verify(String schemeId, ProofInput input) {
    ProofScheme scheme =
        scheme(schemeId)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "--format",
                        null,
                        "unknown proof format '"
                            + schemeId
                            + "'; known formats: "
                            + String.join(", ", schemes.keySet())));
    return scheme.verify(Objects.requireNonNull(input, "input"));
  }
}
