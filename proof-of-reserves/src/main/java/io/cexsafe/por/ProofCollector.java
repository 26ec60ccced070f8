package io.cexsafe.por;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a user's own inclusion proofs into Proof-of-Reserves evidence during an assessment: the
 * proof for an exchange is recomputed with a {@link ProofVerifier} and the verdict becomes a
 * cryptographically verified {@link io.cexsafe.facts.ProofVerification}, included or not.
 *
 * <p>Proofs are verified once, when the collector is built, so that an unreadable or malformed
 * proof stops a run before it starts instead of becoming a quiet gap, and so that a large tree is
 * read once however many assessments use the collector. Exchanges without a proof are skipped with
 * {@link ReasonCode#DISABLED}: nothing was checked, which is not the same as a failed check.
 *
 * <p>A proof rarely says when its snapshot was taken, and an old proof says little about today's
 * liabilities; give the date with {@link Builder#snapshotDate}. Without it the proof file's
 * modification time stands in, which can only make the snapshot look newer than it was, and the
 * evidence says so in its provenance note.
 */
public final class ProofCollector implements EvidenceCollector {
  /** The collector id, also the prefix of its settings. */
  public static final String ID = Verdict.COLLECTOR_ID;

  private final Map<String, CheckedProof> proofs;

  private record CheckedProof(Path file, Verdict verdict, Instant fileTime, LocalDate snapshot) {}

  private ProofCollector(Map<String, CheckedProof> proofs) {
    this.proofs = Map.copyOf(proofs);
  }

  /** {@return a builder with no proofs, the standard schemes and the default tree cap} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The verdict on the proof given for an exchange, if one was given.
   *
   * @param exchangeId the exchange's catalogue id
   * @return the verdict, or empty when no proof was given for it
   */
  public Optional<Verdict> verdict(String exchangeId) {
    return Optional.ofNullable(proofs.get(exchangeId)).map(CheckedProof::verdict);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.PROOF_OF_RESERVES);
  }

  @Override
  public String description() {
    return "your own Proof-of-Reserves inclusion proofs, recomputed locally";
  }

  @Override
  public boolean requiresNetwork() {
    return false;
  }

  @Override
  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    CheckedProof proof = proofs.get(exchange.id());
    if (proof == null) {
      return CollectionResult.skipped(
          ReasonCode.DISABLED,
          "no inclusion proof given for "
              + exchange.id()
              + " (--proof "
              + exchange.id()
              + "=<file>, or the setting "
              + ID
              + ".proof."
              + exchange.id()
              + ")");
    }
    Instant now = context.clock().instant();
    Instant asOf = context.asOf();
    if (proof.snapshot() != null
        && proof.snapshot().isAfter(LocalDate.ofInstant(asOf, ZoneOffset.UTC))) {
      // as the disclosures do: what did not exist at the assessment date does not count
      return CollectionResult.skipped(
          ReasonCode.INVALID_DATA,
          "the proof's snapshot date "
              + proof.snapshot()
              + " is after the assessment date "
              + LocalDate.ofInstant(asOf, ZoneOffset.UTC)
              + "; not counted");
    }
    if (proof.snapshot() == null && proof.fileTime().isAfter(asOf)) {
      // the file's date cannot stand in for a snapshot it may postdate; only a given date can
      return CollectionResult.skipped(
          ReasonCode.INVALID_DATA,
          "the proof file is dated after the assessment date "
              + LocalDate.ofInstant(asOf, ZoneOffset.UTC)
              + " and no snapshot date was given (--proof-date "
              + exchange.id()
              + "=<date>); not counted");
    }
    Instant observed =
        proof.snapshot() != null
            ? proof.snapshot().atStartOfDay(ZoneOffset.UTC).toInstant()
            : proof.fileTime();
    Provenance.Builder provenance =
        Provenance.builder(ID)
            .source(
                proof.file().toUri(),
                "inclusion proof "
                    + proof.file().getFileName()
                    + " ("
                    + proof.verdict().schemeId()
                    + "), recomputed by cexsafe")
            .observedAt(observed)
            .retrievedAt(now)
            .evidenceClass(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED);
    provenance.note(
        (proof.snapshot() == null
                ? "snapshot date not given; the proof file's date stands in, so the snapshot may be"
                    + " older. "
                : "")
            + "The proof was recomputed up to its own root; that root was not compared with one"
            + " the exchange published.");
    Evidence evidence =
        proof.verdict().toEvidence(exchange.id(), provenance.build(), proof.snapshot());
    return CollectionResult.of(List.of(evidence));
  }

  /** Proofs by exchange id; each needs a proof file, the rest is optional. */
  public static final class Builder {
    private ProofVerifier verifier = ProofVerifier.standard();
    private final Map<String, Path> proofFiles = new LinkedHashMap<>();
    private final Map<String, Path> treeFiles = new LinkedHashMap<>();
    private final Map<String, String> formats = new LinkedHashMap<>();
    private final Map<String, LocalDate> snapshots = new LinkedHashMap<>();
    private long maxTreeBytes = ProofInput.DEFAULT_MAX_TREE_BYTES;

    private Builder() {}

    /**
     * Sets the cap on a tree file's size; {@link ProofInput#DEFAULT_MAX_TREE_BYTES} by default.
     *
     * @param maxTreeBytes the largest tree file accepted, in bytes
     * @return this builder
     */
    public Builder maxTreeBytes(long maxTreeBytes) {
      if (maxTreeBytes <= 0) {
        throw new IllegalArgumentException("maxTreeBytes must be positive: " + maxTreeBytes);
      }
      this.maxTreeBytes = maxTreeBytes;
      return this;
    }

    /**
     * Sets the schemes to verify with; {@link ProofVerifier#standard()} by default.
     *
     * @param verifier the schemes
     * @return this builder
     */
    public Builder verifier(ProofVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Gives the user's proof file for an exchange.
     *
     * @param exchangeId the exchange's catalogue id
     * @param proofFile the inclusion proof file
     * @return this builder
     */
    public Builder proof(String exchangeId, Path proofFile) {
      proofFiles.put(requireId(exchangeId), Objects.requireNonNull(proofFile, "proofFile"));
      return this;
    }

    /**
     * Gives the published tree that goes with the exchange's proof, for a format whose scheme
     * {@link ProofScheme#takesTree() takes one}.
     *
     * @param exchangeId the exchange's catalogue id
     * @param treeFile the published tree file
     * @return this builder
     */
    public Builder tree(String exchangeId, Path treeFile) {
      treeFiles.put(requireId(exchangeId), Objects.requireNonNull(treeFile, "treeFile"));
      return this;
    }

    /**
     * Names the proof's format, when detection is not enough (see {@link ProofVerifier#schemes()}).
     *
     * @param exchangeId the exchange's catalogue id
     * @param formatId the scheme's id, e.g. {@code okx-v2}
     * @return this builder
     */
    public Builder format(String exchangeId, String formatId) {
      formats.put(requireId(exchangeId), Objects.requireNonNull(formatId, "formatId"));
      return this;
    }

    /**
     * Gives the date of the snapshot the proof belongs to.
     *
     * @param exchangeId the exchange's catalogue id
     * @param date the snapshot date
     * @return this builder
     */
    public Builder snapshotDate(String exchangeId, LocalDate date) {
      snapshots.put(requireId(exchangeId), Objects.requireNonNull(date, "date"));
      return this;
    }

    /**
     * Reads and verifies every proof.
     *
     * @return the collector, holding each exchange's verdict
     * @throws InvalidInputException for a tree, format or date given without a proof, an unknown
     *     format, an unreadable file, or a proof that is malformed rather than merely not included
     */
    public ProofCollector build() {
      for (Map<String, ?> extra : List.of(treeFiles, formats, snapshots)) {
        for (String exchangeId : extra.keySet()) {
          if (!proofFiles.containsKey(exchangeId)) {
            throw new InvalidInputException(
                ID,
                null,
                "a tree, format or snapshot date is given for " + exchangeId + " but no proof");
          }
        }
      }
      Map<String, CheckedProof> checked = new LinkedHashMap<>();
      proofFiles.forEach((exchangeId, file) -> checked.put(exchangeId, check(exchangeId, file)));
      return new ProofCollector(checked);
    }

    private CheckedProof check(String exchangeId, Path file) {
      ProofInput input;
      Instant fileTime;
      try {
        input = ProofInput.fromFiles(file, treeFiles.get(exchangeId), maxTreeBytes);
        // whole seconds, as the assessment's own instant is
        fileTime = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
      } catch (NoSuchFileException e) {
        throw new InvalidInputException(e.getFile(), null, "no such file", e);
      } catch (IOException | IllegalArgumentException e) {
        throw new InvalidInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
      }
      String format = formats.get(exchangeId);
      ProofScheme scheme;
      if (format == null) {
        scheme =
            verifier
                .detect(input)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            file.toString(),
                            null,
                            "proof format not recognised; name it with the setting "
                                + ID
                                + ".format."
                                + exchangeId
                                + " (see 'cexsafe por formats')"));
      } else {
        scheme =
            verifier
                .scheme(format)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            ID + ".format." + exchangeId,
                            null,
                            "unknown proof format '" + format + "' (see 'cexsafe por formats')"));
      }
      if (!scheme.publishers().isEmpty() && !scheme.publishers().contains(exchangeId)) {
        throw new InvalidInputException(
            file.toString(),
            null,
            "this "
                + scheme.id()
                + " proof does not come from "
                + exchangeId
                + "; that format is published by "
                + String.join(", ", new TreeSet<>(scheme.publishers())));
      }
      if (treeFiles.containsKey(exchangeId) && !scheme.takesTree()) {
        throw new InvalidInputException(
            treeFiles.get(exchangeId).toString(),
            null,
            scheme.id() + " proofs have no separate tree file; leave the tree out");
      }
      Verdict verdict;
      try {
        verdict = scheme.verify(input);
      } catch (InvalidInputException e) {
        throw e;
      } catch (RuntimeException e) {
        // a scheme must not throw; if one does, the proof must not quietly drop out of the run
        throw new InvalidInputException(file.toString(), null, "cannot be verified: " + e, e);
      }
      if (verdict.status() == VerificationStatus.MALFORMED) {
        throw new InvalidInputException(file.toString(), null, verdict.reason());
      }
      return new CheckedProof(file, verdict, fileTime, snapshots.get(exchangeId));
    }

    private static String requireId(String exchangeId) {
      if (exchangeId == null || exchangeId.isBlank()) {
        throw new IllegalArgumentException("an exchange id is required");
      }
      return exchangeId;
    }
  }
}
