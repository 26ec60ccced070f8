package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The eight pillars an exchange is scored on, with their display names and default weights. */
public enum Pillar {
  CUSTODY("custody", "Custody & Storage", 20),
  PROOF_OF_RESERVES("proof-of-reserves", "Proof of Reserves", 15),
  INSURANCE("insurance", "Insurance", 15),
  REGULATION("regulation", "Regulation & Licensing", 10),
  APP_SECURITY("app-security", "App Security & Account Controls", 10),
  TRACK_RECORD("track-record", "Incident Response & Track Record", 10),
  USER_EXPERIENCE("user-experience", "User Experience & Interface", 10),
  SUPPORT("support", "Support", 10);

  private final String id;
  private final String displayName;
  private final int defaultWeight;

  Pillar(String id, String displayName, int defaultWeight) {
    this.id = id;
    this.displayName = displayName;
    this.defaultWeight = defaultWeight;
  }

  /** Stable kebab-case identifier used in JSON, configuration and methodology files. */
  @JsonValue
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** Weight in the default methodology; the eight weights sum to 100. */
  public int defaultWeight() {
    return defaultWeight;
  }

  /** Finds a pillar by its id or enum name, ignoring case. */
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
