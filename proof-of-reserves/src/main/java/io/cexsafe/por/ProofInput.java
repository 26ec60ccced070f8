package io.cexsafe.por;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

  public static ProofInput of(String proofName, byte[] proof) {
    return new ProofInput(proofName, proof, null, null);
  }

  public static ProofInput of(String proofName, String proofText) {
    return of(proofName, proofText.getBytes(StandardCharsets.UTF_8));
  }

  public static ProofInput of(String proofName, byte[] proof, String treeName, TreeSource tree) {
    return new ProofInput(
        proofName,
        proof,
        Objects.requireNonNull(treeName, "treeName"),
        Objects.requireNonNull(tree, "tree"));
  }

  /** Reads the proof file now; the tree file, if any, is opened only when a scheme streams it. */
  public static ProofInput fromFiles(Path proofFile, Path treeFileOrNull) throws IOException {
    Objects.requireNonNull(proofFile, "proofFile");
    long size = Files.size(proofFile);
    if (size > MAX_PROOF_BYTES) {
      throw new IllegalArgumentException(
          proofFile + " is " + size + " bytes; proofs are at most " + MAX_PROOF_BYTES);
    }
    byte[] proof = Files.readAllBytes(proofFile);
    if (treeFileOrNull == null) {
      return of(proofFile.toString(), proof);
    }
    if (!Files.exists(treeFileOrNull)) {
      throw new NoSuchFileException(treeFileOrNull.toString());
    }
    if (!Files.isReadable(treeFileOrNull) || Files.isDirectory(treeFileOrNull)) {
      throw new AccessDeniedException(treeFileOrNull.toString(), null, "not a readable file");
    }
    return of(
        proofFile.toString(), proof, treeFileOrNull.toString(), TreeSource.of(treeFileOrNull));
  }

  public String proofName() {
    return proofName;
  }

  public byte[] proof() {
    return proof.clone();
  }

  public String proofText() {
    return new String(proof, StandardCharsets.UTF_8);
  }

  public Optional<TreeSource> tree() {
    return Optional.ofNullable(tree);
  }

  public Optional<String> treeName() {
    return Optional.ofNullable(treeName);
  }
}
