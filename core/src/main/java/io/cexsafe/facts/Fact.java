package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * One typed fact from cexsafe's closed vocabulary. A fact says what is true; {@link
 * io.cexsafe.Evidence} adds who says so and when.
 *
 * <p>Absent knowledge is represented by {@code null} fields (or an absent fact), never by zero.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ReserveSnapshot.class, name = "reserve-snapshot"),
  @JsonSubTypes.Type(value = ReserveComposition.class, name = "reserve-composition"),
  @JsonSubTypes.Type(value = ReserveTrend.class, name = "reserve-trend"),
  @JsonSubTypes.Type(value = NetFlow.class, name = "net-flow"),
  @JsonSubTypes.Type(value = ColdStorage.class, name = "cold-storage"),
  @JsonSubTypes.Type(value = KeyManagement.class, name = "key-management"),
  @JsonSubTypes.Type(value = AssetSegregation.class, name = "asset-segregation"),
  @JsonSubTypes.Type(value = CustodyProvider.class, name = "custody-provider"),
  @JsonSubTypes.Type(value = PorAttestation.class, name = "por-attestation"),
  @JsonSubTypes.Type(value = PorDashboard.class, name = "por-dashboard"),
  @JsonSubTypes.Type(value = ProofVerification.class, name = "proof-verification"),
  @JsonSubTypes.Type(value = InsurancePolicy.class, name = "insurance-policy"),
  @JsonSubTypes.Type(value = ProtectionProgramme.class, name = "protection-programme"),
  @JsonSubTypes.Type(value = SelfInsuranceFund.class, name = "self-insurance-fund"),
  @JsonSubTypes.Type(value = Licence.class, name = "licence"),
  @JsonSubTypes.Type(value = RegulatoryWarning.class, name = "regulatory-warning"),
  @JsonSubTypes.Type(value = SecurityControl.class, name = "security-control"),
  @JsonSubTypes.Type(value = Certification.class, name = "certification"),
  @JsonSubTypes.Type(value = BugBounty.class, name = "bug-bounty"),
  @JsonSubTypes.Type(value = SecurityRating.class, name = "security-rating"),
  @JsonSubTypes.Type(value = Incident.class, name = "incident"),
  @JsonSubTypes.Type(value = IncidentRecordCheck.class, name = "incident-record-check"),
  @JsonSubTypes.Type(value = SearchRecord.class, name = "search-record"),
  @JsonSubTypes.Type(value = AppRating.class, name = "app-rating"),
  @JsonSubTypes.Type(value = AppAvailability.class, name = "app-availability"),
  @JsonSubTypes.Type(value = ReviewThemes.class, name = "review-themes"),
  @JsonSubTypes.Type(value = SupportChannel.class, name = "support-channel"),
  @JsonSubTypes.Type(value = ComplaintHandling.class, name = "complaint-handling"),
  @JsonSubTypes.Type(value = UserBase.class, name = "user-base"),
  @JsonSubTypes.Type(value = Governance.class, name = "governance")
})
public sealed interface Fact
    permits ReserveSnapshot,
        ReserveComposition,
        ReserveTrend,
        NetFlow,
        ColdStorage,
        KeyManagement,
        AssetSegregation,
        CustodyProvider,
        PorAttestation,
        PorDashboard,
        ProofVerification,
        InsurancePolicy,
        ProtectionProgramme,
        SelfInsuranceFund,
        Licence,
        RegulatoryWarning,
        SecurityControl,
        Certification,
        BugBounty,
        SecurityRating,
        Incident,
        IncidentRecordCheck,
        SearchRecord,
        AppRating,
        AppAvailability,
        ReviewThemes,
        SupportChannel,
        ComplaintHandling,
        UserBase,
        Governance {

  /** The pillars this kind of fact informs. Empty for context-only facts. */
  Set<Pillar> pillars();

  /** One human-readable line describing the fact. */
  String summary();

  /** The stable type name used in JSON (the {@code type} property). */
  default String typeName() {
    return FactTypes.nameOf(getClass());
  }
}
