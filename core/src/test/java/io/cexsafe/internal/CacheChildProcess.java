package io.cexsafe.internal;

import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.HttpSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second cexsafe process for {@link PrivateCacheTest}: it opens an engine on a shared cache
 * directory, says {@code READY <slot directory>} on standard output, then either holds its slot
 * ({@code hold}) or keeps writing cache entries ({@code write}) until it is killed. It gives up by
 * itself after a minute so that a failed test never leaves it behind.
 */
public final class CacheChildProcess {
  private CacheChildProcess() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String url = args[1];
    String mode = args[2];
    long giveUpAt = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    HttpSettings settings =
        HttpSettings.builder()
            .cache(root, 64L * 1024 * 1024)
            .maxAttempts(1)
            .readTimeout(Duration.ofSeconds(10))
            .build();
    try (OkHttpEngine engine = new OkHttpEngine(settings)) {
      System.out.println("READY " + engine.cacheDirectory());
      System.out.flush();
      for (int i = 0; System.nanoTime() < giveUpAt; i++) {
        if (mode.equals("write")) {
          engine.fetch(FetchRequest.get(URI.create(url + "?i=" + i)), null);
        } else {
          Thread.sleep(100);
        }
      }
    }
  }
}
