package io.cexsafe.collectors.regulators.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL building for configurable base URLs. */
public final class Urls {
  private Urls() {}

  /** {@code base} with {@code path} appended, without doubling or dropping the slash. */
  public static URI join(URI base, String path) {
    String b = base.toString();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + (path.startsWith("/") ? path : "/" + path));
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
