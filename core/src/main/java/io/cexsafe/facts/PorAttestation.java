package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A published proof-of-reserves report.
 *
 * @param reportDate the snapshot date the report covers
 * @param attestor who produced or vouched for it (an accounting firm, or the exchange itself)
 * @param method what it proves
 * @param independence who vouches
 * @param assets per-asset reserve ratios; empty when the report gives none
 * @param cadence how often such reports are published
 * @param userVerifiable users can verify their own inclusion
 * @param attestorWithdrawn the attestor has since withdrawn from proof-of-reserves work or the
 *     report
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("por-attestation")
public record PorAttestation(
    LocalDate reportDate,
    String attestor,
    PorMethod method,
    AttestorIndependence independence,
    List<AssetReserveRatio> assets,
    PorCadence cadence,
    boolean userVerifiable,
    boolean attestorWithdrawn,
    String detail)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param reportDate the snapshot date the report covers
   * @param attestor who produced or vouched for it (an accounting firm, or the exchange itself)
   * @param method what it proves
   * @param independence who vouches
   * @param assets per-asset reserve ratios; empty when the report gives none
   * @param cadence how often such reports are published
   * @param userVerifiable users can verify their own inclusion
   * @param attestorWithdrawn the attestor has since withdrawn from proof-of-reserves work or the
   *     report
   * @param detail what the report says beyond the figures, or null
   */
  public PorAttestation {
    Checks.required(reportDate, "reportDate");
    attestor = Checks.text(attestor, "attestor");
    Checks.required(method, "method");
    Checks.required(independence, "independence");
    assets = Checks.list(assets);
    Checks.required(cadence, "cadence");
    detail = Checks.optionalText(detail);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.PROOF_OF_RESERVES);
  }

  @Override
  public String summary() {
    return Checks.words(method)
        + " attestation of "
        + reportDate
        + " by "
        + attestor
        + (assets.isEmpty() ? "" : ", " + assets.size() + " assets")
        + (attestorWithdrawn ? " (attestor since withdrawn)" : "");
  }

  /**
   * Starts an attestation with its required parts; the others default to unknown.
   *
   * @param reportDate the snapshot date the report covers
   * @param attestor who produced or vouched for it (an accounting firm, or the exchange itself)
   * @param method what it proves
   * @param independence who vouches
   * @param cadence how often such reports are published
   * @return the builder
   */
  public static Builder builder(
      LocalDate reportDate,
      String attestor,
      PorMethod method,
      AttestorIndependence independence,
      PorCadence cadence) {
    return new Builder(reportDate, attestor, method, independence, cadence);
  }

  /** Builds a PorAttestation by name instead of by position; the record's constructor validates. */
  public static final class Builder {
    private LocalDate reportDate;
    private String attestor;
    private PorMethod method;
    private AttestorIndependence independence;
    private List<AssetReserveRatio> assets;
    private PorCadence cadence;
    private boolean userVerifiable;
    private boolean attestorWithdrawn;
    private String detail;

    private Builder(
        LocalDate reportDate,
        String attestor,
        PorMethod method,
        AttestorIndependence independence,
        PorCadence cadence) {
      this.reportDate = reportDate;
      this.attestor = attestor;
      this.method = method;
      this.independence = independence;
      this.cadence = cadence;
    }

    /**
     * Sets the per-asset reserve ratios.
     *
     * @param assets the ratios; empty when the report gives none
     * @return this builder
     */
    public Builder assets(List<AssetReserveRatio> assets) {
      this.assets = assets;
      return this;
    }

    /**
     * Sets whether users can verify their own inclusion.
     *
     * @param userVerifiable true when they can
     * @return this builder
     */
    public Builder userVerifiable(boolean userVerifiable) {
      this.userVerifiable = userVerifiable;
      return this;
    }

    /**
     * Sets whether the attestor has since withdrawn from proof-of-reserves work.
     *
     * @param attestorWithdrawn true when it has
     * @return this builder
     */
    public Builder attestorWithdrawn(boolean attestorWithdrawn) {
      this.attestorWithdrawn = attestorWithdrawn;
      return this;
    }

    /**
     * Sets what the report says beyond the figures.
     *
     * @param detail the text, or null
     * @return this builder
     */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /**
     * Builds the attestation.
     *
     * @return the attestation
     * @throws IllegalArgumentException when a part is invalid
     */
    public PorAttestation build() {
      return new PorAttestation(
          reportDate,
          attestor,
          method,
          independence,
          assets,
          cadence,
          userVerifiable,
          attestorWithdrawn,
          detail);
    }
  }
}
