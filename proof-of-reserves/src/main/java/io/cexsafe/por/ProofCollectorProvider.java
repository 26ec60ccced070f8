package io.cexsafe.por;

import io.cexsafe.Config;
import io.cexsafe.InputFiles;
import io.cexsafe.InvalidInputException;
import io.cexsafe.SettingKey;
import io.cexsafe.SettingKey.Type;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

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
 * <p>These come from {@code --set}, a settings file or {@code -Dcexsafe.*} properties, not from the
 * environment (an exchange id does not survive the trip through a variable name). Every proof is
 * verified here, so a bad one stops the run before it starts.
 */
public final class ProofCollectorProvider implements EvidenceCollectorProvider {
  private static final String MAX_TREE_SIZE = "max-tree-size";

  @Override
  public String id() {
    return ProofCollector.ID;
  }

  @Override
  public EvidenceCollector create(Config settings) {
    ProofCollector.Builder builder = ProofCollector.builder();
    for (Map.Entry<String, String> setting : settings.describe().entrySet()) {
      String key = setting.getKey();
      if (key.equals("enabled")) {
        continue; // the assessor's switch, common to every collector
      }
      if (key.equals(MAX_TREE_SIZE)) {
        builder.maxTreeBytes(size(key, settings.get(key).orElse("")));
        continue;
      }
      int dot = key.indexOf('.');
      String kind = dot < 0 ? key : key.substring(0, dot);
      String exchangeId = dot < 0 ? "" : key.substring(dot + 1);
      String value = settings.get(key).orElse("").trim();
      if (exchangeId.isEmpty() || value.isEmpty()) {
        throw unknown(key);
      }
      switch (kind) {
        case "proof" -> builder.proof(exchangeId, path(key, value));
        case "tree" -> builder.tree(exchangeId, path(key, value));
        case "format" -> builder.format(exchangeId, value);
        case "snapshot" -> builder.snapshotDate(exchangeId, date(key, value));
        default -> throw unknown(key);
      }
    }
    return builder.build();
  }

  private static long size(String key, String value) {
    try {
      return InputFiles.parseSize(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(ProofCollector.ID + "." + key, null, e.getMessage());
    }
  }

  private static Path path(String key, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new InvalidInputException(
          ProofCollector.ID + "." + key, null, "not a file path: " + e.getReason());
    }
  }

  private static LocalDate date(String key, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          ProofCollector.ID + "." + key, null, "expected a date such as 2023-04-01, not " + value);
    }
  }

  private static InvalidInputException unknown(String key) {
    return new InvalidInputException(
        ProofCollector.ID + "." + key,
        null,
        "expected proof.<exchange-id>, tree.<exchange-id>, format.<exchange-id> or"
            + " snapshot.<exchange-id> with a value");
  }

  @Override
  public List<SettingKey> settings() {
    return List.of(
        SettingKey.of("proof.*", Type.PATH, null, "the user's proof file for an exchange"),
        SettingKey.of("tree.*", Type.PATH, null, "the published tree for that proof"),
        SettingKey.of("format.*", Type.STRING, null, "the proof's format"),
        SettingKey.of("snapshot.*", Type.DATE, null, "the proof's snapshot date"),
        SettingKey.of(MAX_TREE_SIZE, Type.SIZE, "64G", "cap on a tree file's size, e.g. 128G"));
  }
}
