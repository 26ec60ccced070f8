package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The eight pillars an exchange is scored on, with their display names and default weights. */
public enum Pillar {
  /** How customer assets are held: cold storage, segregation, key management. */
  CUSTODY("custody", "Custody & Storage", 20),
  /** Whether reserves are proven, how strongly and how recently. */
  PROOF_OF_RESERVES("proof-of-reserves", "Proof of Reserves", 15),
  /** Insurance policies and funds that would cover losses. */
  INSURANCE("insurance", "Insurance", 15),
  /** Licences, registrations and regulators' warnings. */
  REGULATION("regulation", "Regulation & Licensing", 10),
  /** Account security controls offered and the apps' own security. */
  APP_SECURITY("app-security", "App Security & Account Controls", 10),
  /** Incidents, how they were handled and what users got back. */
  TRACK_RECORD("track-record", "Incident Response & Track Record", 10),
  /** App ratings and what users say about using the exchange. */
  USER_EXPERIENCE("user-experience", "User Experience & Interface", 10),
  /** Support channels and complaint handling. */
  SUPPORT("support", "Support", 10);

  private final String id;
  private final String displayName;
  private final int defaultWeight;

  Pillar(String id, String displayName, int defaultWeight) {
    this.id = id;
    this.displayName = displayName;
    this.defaultWeight = defaultWeight;
  }

  /** {@return the stable kebab-case id used in JSON, configuration and methodology files} */
  @JsonValue
  public String id() {
    return id;
  }

  /** {@return the name shown to people, e.g. "Custody &amp; Storage"} */
  public String displayName() {
    return displayName;
  }

  /** {@return the weight in the default methodology; the eight weights sum to 100} */
  public int defaultWeight() {
    return defaultWeight;
  }

  /**
   * Finds a pillar by its id or enum name, ignoring case.
   *
   * @param idOrName e.g. {@code proof-of-reserves} or {@code PROOF_OF_RESERVES}
   * @return the pillar, or empty when none matches
   */
  public static Optional<Pillar> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    String wanted = idOrName.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
  }

  @JsonCreator
  static Pillar fromJson(String value) {
    return find(value)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown pillar '" + value + "'; known: " + Arrays.toString(ids())));
  }

  private static String[] ids() {
    return Arrays.stream(values()).map(Pillar::id).toArray(String[]::new);
  }
}
