package io.cexsafe.por;

import io.cexsafe.Config;
import io.cexsafe.InvalidInputException;
import io.cexsafe.InvalidSettingException;
import io.cexsafe.SettingKey;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Creates the {@link ProofCollector} from settings, one group per exchange id:
 *
 * <ul>
 *   <li>{@code proof-of-reserves.proof.<exchange-id>}: the user's proof file;
 *   <li>{@code proof-of-reserves.tree.<exchange-id>}: the published tree (okx-v2, bitmex,
 *       silversixpence);
 *   <li>{@code proof-of-reserves.max-tree-size}: cap on a tree file's size, e.g. {@code 128G}
 *       (default {@link ProofInput#DEFAULT_MAX_TREE_BYTES});
 *   <li>{@code proof-of-reserves.format.<exchange-id>}: the format, when detection is not enough;
 *   <li>{@code proof-of-reserves.snapshot.<exchange-id>}: the snapshot date, {@code YYYY-MM-DD}.
 * </ul>
 *
 * <p>These come from {@code --set}, a settings file, {@code -Dcexsafe.*} properties or {@code
 * CEXSAFE_PROOF_OF_RESERVES_PROOF_<EXCHANGE_ID>} variables. The CLI's {@code --proof} options build
 * the collector with {@link ProofCollector#builder()} directly, starting from {@link #configure}.
 * Every proof is verified here, so a bad one stops the run before it starts.
 */
public final class ProofCollectorProvider implements EvidenceCollectorProvider {
  /** {@code proof.<exchange-id>}: the user's inclusion proof file for an exchange. */
  public static final SettingKey<Path> PROOF =
      SettingKey.path("proof.*", "the user's inclusion proof file for an exchange (its id)");

  /** {@code tree.<exchange-id>}: the published tree that goes with that proof. */
  public static final SettingKey<Path> TREE =
      SettingKey.path("tree.*", "the published tree that goes with that proof");

  /** {@code format.<exchange-id>}: the proof's format, when detection is not enough. */
  public static final SettingKey<String> FORMAT =
      SettingKey.string("format.*", "the proof's format, when detection is not enough");

  /** {@code snapshot.<exchange-id>}: the proof's snapshot date. */
  public static final SettingKey<LocalDate> SNAPSHOT =
      SettingKey.date("snapshot.*", "the proof's snapshot date");

  /** {@code max-tree-size}: the cap on a tree file's size. */
  public static final SettingKey<Long> MAX_TREE_SIZE =
      SettingKey.size("max-tree-size", "cap on a tree file's size")
          .withDefault(ProofInput.DEFAULT_MAX_TREE_BYTES);

  private static final List<SettingKey<?>> SETTINGS =
      List.of(PROOF, TREE, FORMAT, SNAPSHOT, MAX_TREE_SIZE);

  @Override
  public String id() {
    return ProofCollector.ID;
  }

  @Override
  public EvidenceCollector create(Config settings) {
    return configure(ProofCollector.builder(), settings).build();
  }

  /**
   * Adds the proofs and limits {@code settings} (the keys under {@code proof-of-reserves.}) give to
   * {@code builder}.
   *
   * @param builder the builder to configure
   * @param settings the settings under {@code proof-of-reserves.}, with the prefix removed
   * @return the builder
   * @throws InvalidInputException naming the key, for a key this collector does not read or a value
   *     it refuses
   */
  public static ProofCollector.Builder configure(ProofCollector.Builder builder, Config settings) {
    for (String key : settings.keys()) {
      if (!key.equals("enabled") && SETTINGS.stream().noneMatch(d -> d.matches(key))) {
        throw new InvalidInputException(
            ProofCollector.ID + "." + key,
            null,
            "expected proof.<exchange-id>, tree.<exchange-id>, format.<exchange-id> or"
                + " snapshot.<exchange-id> with a value");
      }
    }
    try {
      builder.maxTreeBytes(settings.get(MAX_TREE_SIZE));
      settings.all(PROOF).forEach((ids, file) -> builder.proof(ids.get(0), file));
      settings.all(TREE).forEach((ids, file) -> builder.tree(ids.get(0), file));
      settings.all(FORMAT).forEach((ids, format) -> builder.format(ids.get(0), format));
      settings.all(SNAPSHOT).forEach((ids, date) -> builder.snapshotDate(ids.get(0), date));
    } catch (InvalidSettingException e) {
      String key =
          e.key().startsWith(ProofCollector.ID + ".") ? e.key() : ProofCollector.ID + "." + e.key();
      throw new InvalidInputException(key, null, e.problem(), e);
    }
    return builder;
  }

  @Override
  public List<SettingKey<?>> settings() {
    return SETTINGS;
  }
}
