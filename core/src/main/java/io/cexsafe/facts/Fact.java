package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * One typed fact from cexsafe's closed vocabulary. A fact says what is true; {@link
 * io.cexsafe.Evidence} adds who says so and when.
 *
 * <p>The {@code permits} clause is the one list of fact types: each permitted record declares its
 * JSON type name once, with {@link com.fasterxml.jackson.annotation.JsonTypeName}, and {@link
 * FactTypes} derives the vocabulary from both (so any Jackson mapper reads and writes facts). A
 * plugin that needs a kind of its own uses {@link ExtensionFact}.
 *
 * <p>Absent knowledge is represented by {@code null} fields (or an absent fact), never by zero.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(FactTypes.IdResolver.class)
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
        IdentityResolution,
        AppRating,
        AppAvailability,
        ReviewThemes,
        SupportChannel,
        ComplaintHandling,
        UserBase,
        Governance,
        ExtensionFact {

  /** {@return the pillars this kind of fact informs} Empty for context-only facts. */
  Set<Pillar> pillars();

  /** {@return one human-readable line describing the fact} */
  String summary();

  /** {@return the stable type name used in JSON (the {@code type} property)} */
  default String typeName() {
    return FactTypes.nameOf(getClass());
  }
}
