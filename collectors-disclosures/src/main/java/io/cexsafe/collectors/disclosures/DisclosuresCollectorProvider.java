package io.cexsafe.collectors.disclosures;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
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
  /** A directory of {@code <exchange-id>.json} files overriding or extending the bundled ones. */
  public static final SettingKey<Path> DIR =
      SettingKey.path("dir", "directory of <exchange-id>.json files added to the bundled ones");

  /** Whether the bundled dataset is read. */
  public static final SettingKey<Boolean> BUNDLED =
      SettingKey.bool("bundled", "include the bundled dataset").withDefault(true);

  @Override
  public String id() {
    return DisclosuresCollector.ID;
  }

  @Override
  public EvidenceCollector create(Config settings) {
    DisclosuresCollector.Builder builder =
        DisclosuresCollector.builder().includeBundled(settings.get(BUNDLED));
    settings.find(DIR).ifPresent(builder::userDirectory);
    return builder.build();
  }

  @Override
  public List<SettingKey<?>> settings() {
    return List.of(DIR, BUNDLED);
  }
}
