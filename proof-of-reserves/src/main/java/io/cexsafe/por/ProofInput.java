package io.cexsafe.por;

import io.cexsafe.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scheme verifies: the user's proof file and, for schemes that publish it, the full tree
 * file. Names are used in messages only.
 */
public final class ProofInput {

  /** Proof files are small (a path of a few dozen siblings); anything larger is not a proof. */
  public static final int MAX_PROOF_BYTES = 16 * 1024 * 1024;

  /**
   * Default cap on a published tree file: generous, since a tree of millions of accounts runs to
   * gigabytes; raise it with {@code por verify --max-tree-size} or the setting {@code
   * proof-of-reserves.max-tree-size}.
   */
  public static final long DEFAULT_MAX_TREE_BYTES = 64L << 30;

  static final String TREE_CAP_HINT =
      "raise it with --max-tree-size or the setting proof-of-reserves.max-tree-size";

  private final String proofName;
  private final byte[] proof;
  private final String treeName;
  private final TreeSource tree;

  private ProofInput(String proofName, byte[] proof, String treeName, TreeSource tree) {
    this.proofName = Objects.requireNonNull(proofName, "proofName");
    this.proof = Objects.requireNonNull(proof, "proof").clone();
    if (proof.length > MAX_PROOF_BYTES) {
      throw new IllegalArgumentException(
          proofName + " is " + proof.length + " bytes; proofs are at most " + MAX_PROOF_BYTES);
    }
    this.treeName = treeName;
    this.tree = tree;
  }

  /**
   * A proof without a tree.
   *
   * @param proofName names the proof in messages, e.g. its file name
   * @param proof the proof file's bytes
   * @return the input
   * @throws IllegalArgumentException when the proof is larger than proofs may be
   */
  public static ProofInput of(String proofName, byte[] proof) {
    return new ProofInput(proofName, proof, null, null);
  }

  /**
   * A proof without a tree, from its text.
   *
   * @param proofName names the proof in messages
   * @param proofText the proof file's text, encoded as UTF-8
   * @return the input
   * @throws IllegalArgumentException when the proof is larger than proofs may be
   */
  public static ProofInput of(String proofName, String proofText) {
    return of(proofName, proofText.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A proof with the published tree it goes with.
   *
   * @param proofName names the proof in messages
   * @param proof the proof file's bytes
   * @param treeName names the tree in messages
   * @param tree opens the tree when a scheme streams it
   * @return the input
   * @throws IllegalArgumentException when the proof is larger than proofs may be
   */
  public static ProofInput of(String proofName, byte[] proof, String treeName, TreeSource tree) {
    return new ProofInput(
        proofName,
        proof,
        Objects.requireNonNull(treeName, "treeName"),
        Objects.requireNonNull(tree, "tree"));
  }

  /**
   * Reads the proof file now; the tree file, if any, is opened only when a scheme streams it. Both
   * must be regular files; the tree may be at most {@link #DEFAULT_MAX_TREE_BYTES}.
   *
   * @param proofFile the proof file
   * @param treeFileOrNull the tree file, or null
   * @return the input
   * @throws IOException when the tree file is not readable
   * @throws io.cexsafe.InvalidInputException for a missing, non-regular or oversized file
   */
  public static ProofInput fromFiles(Path proofFile, Path treeFileOrNull) throws IOException {
    return fromFiles(proofFile, treeFileOrNull, DEFAULT_MAX_TREE_BYTES);
  }

  /**
   * As {@link #fromFiles(Path, Path)}, with the cap on the tree file's size.
   *
   * @param proofFile the proof file
   * @param treeFileOrNull the tree file, or null
   * @param maxTreeBytes the largest tree file accepted, in bytes
   * @return the input
   * @throws IOException when the tree file is not readable
   * @throws io.cexsafe.InvalidInputException for a missing, non-regular or oversized file
   */
  public static ProofInput fromFiles(Path proofFile, Path treeFileOrNull, long maxTreeBytes)
      throws IOException {
    Objects.requireNonNull(proofFile, "proofFile");
    byte[] proof = InputFiles.readAllBytes(proofFile, MAX_PROOF_BYTES, null);
    if (treeFileOrNull == null) {
      return of(proofFile.toString(), proof);
    }
    InputFiles.requireRegularFile(treeFileOrNull, maxTreeBytes, TREE_CAP_HINT);
    if (!Files.isReadable(treeFileOrNull)) {
      throw new AccessDeniedException(treeFileOrNull.toString(), null, "not a readable file");
    }
    return of(
        proofFile.toString(),
        proof,
        treeFileOrNull.toString(),
        TreeSource.of(treeFileOrNull, maxTreeBytes));
  }

  /** {@return the name of the proof in messages} */
  public String proofName() {
    return proofName;
  }

  /** {@return a copy of the proof file's bytes} */
  public byte[] proof() {
    return proof.clone();
  }

  /** {@return the proof file's text, decoded as UTF-8} */
  public String proofText() {
    return new String(proof, StandardCharsets.UTF_8);
  }

  /** {@return the published tree, or empty when none was given} */
  public Optional<TreeSource> tree() {
    return Optional.ofNullable(tree);
  }

  /** {@return the name of the tree in messages, or empty when none was given} */
  public Optional<String> treeName() {
    return Optional.ofNullable(treeName);
  }
}
