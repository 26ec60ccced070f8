package io.cexsafe.collectors.disclosures;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
import io.cexsafe.SettingKey.Type;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates the {@link DisclosuresCollector} from settings:
 *
 * <ul>
 *   <li>{@code disclosures.dir}: a directory of {@code <exchange-id>.json} files overriding or
 *       extending the bundled dataset (default: none);
 *   <li>{@code disclosures.bundled}: {@code false} to leave the bundled dataset out (default true).
 * </ul>
 *
 * <p>The files are validated here, so an invalid file stops the run before it starts with an {@link
 * io.cexsafe.InvalidInputException} naming file, JSON path and problem.
 */
public final class DisclosuresCollectorProvider implements EvidenceCollectorProvider {
  @Override
  public String id() {
    return DisclosuresCollector.ID;
  }

  @Override
  public EvidenceCollector create(Config settings) {
    DisclosuresCollector.Builder builder =
        DisclosuresCollector.builder().includeBundled(settings.getBoolean("bundled", true));
    settings.get("dir").map(Path::of).ifPresent(builder::userDirectory);
    return builder.build();
  }

  @Override
  public List<SettingKey> settings() {
    return List.of(
        SettingKey.of("dir", Type.PATH, null, "directory of <exchange-id>.json files"),
        SettingKey.of("bundled", Type.BOOLEAN, "true", "include the bundled dataset"));
  }
}
