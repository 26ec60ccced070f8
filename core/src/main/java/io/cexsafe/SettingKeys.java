package io.cexsafe;

import io.cexsafe.http.HttpSettings;
import io.cexsafe.internal.EditDistance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Core's own settings ({@code http.*}, {@code assessor.*}) and the check that every key a user
 * gives is declared by some owner, with a "did you mean" for typos.
 */
public final class SettingKeys {
  /** How long each collector may run. */
  public static final SettingKey<Duration> ASSESSOR_COLLECTOR_TIMEOUT =
      SettingKey.duration("assessor.collector-timeout", "deadline of each collector")
          .withDefault(Duration.ofSeconds(90))
          .check(d -> !d.isZero() && !d.isNegative(), "a positive duration");

  /** How many collectors run at once. */
  public static final SettingKey<Integer> ASSESSOR_PARALLELISM =
      SettingKey.integer("assessor.parallelism", "collectors run at once")
          .withDefault(16)
          .check(n -> n >= 1, "an integer of at least 1");

  private SettingKeys() {}

  /** {@return the settings core itself reads: {@link HttpSettings#SETTINGS} and the assessor's} */
  public static List<SettingKey<?>> core() {
    List<SettingKey<?>> keys = new ArrayList<>(HttpSettings.SETTINGS);
    keys.add(ASSESSOR_COLLECTOR_TIMEOUT);
    keys.add(ASSESSOR_PARALLELISM);
    return List.copyOf(keys);
  }

  /**
   * The key an environment variable ({@code CEXSAFE_DEFILLAMA_BASE_URL}) names among the declared
   * settings; a {@code *} segment takes the variable's words joined with dashes ({@code
   * CEXSAFE_PROOF_OF_RESERVES_PROOF_CRYPTO_COM} is {@code proof-of-reserves.proof.crypto-com}).
   *
   * @param variable the environment variable's name
   * @param declared the declared settings, with absolute keys
   * @return the key the variable names
   * @throws ConfigurationException when no declared setting has that variable, naming the closest
   */
  public static String keyOf(String variable, Collection<? extends SettingKey<?>> declared) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (SettingKey<?> candidate : declared) {
      String pattern = Config.environmentName(candidate.key());
      if (!candidate.isPattern()) {
        if (pattern.equals(variable)) {
          return candidate.key();
        }
      } else {
        Matcher m =
            Pattern.compile(
                    java.util.Arrays.stream(pattern.split("\\*", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining("([A-Z0-9]+(?:_[A-Z0-9]+)*)")))
                .matcher(variable);
        if (m.matches()) {
          String[] names = new String[m.groupCount()];
          for (int i = 0; i < names.length; i++) {
            names[i] = m.group(i + 1).toLowerCase(Locale.ROOT).replace('_', '-');
          }
          return candidate.at(names).key();
        }
      }
      int distance = EditDistance.between(variable, pattern.replace("*", "X"));
      if (distance < bestDistance) {
        best = candidate.key();
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, (variable.length() - "CEXSAFE_".length()) / 3);
    throw new ConfigurationException(
        "unknown setting in environment variable "
            + variable
            + (best != null && bestDistance <= allowed
                ? "; did you mean " + Config.environmentName(best) + " ('" + best + "')?"
                : ""));
  }

  /**
   * Checks that every key in {@code given} is declared.
   *
   * @param given each key given, mapped to where it came from (e.g. "--set")
   * @param declared the declared settings, with absolute keys
   * @throws ConfigurationException naming the first unknown key, where it came from and the closest
   *     declared key
   */
  public static void requireDeclared(
      Map<String, String> given, Collection<? extends SettingKey<?>> declared) {
    for (Map.Entry<String, String> entry : given.entrySet()) {
      String key = entry.getKey();
      if (declared.stream().noneMatch(d -> d.matches(key))) {
        throw new ConfigurationException(
            "unknown setting '"
                + key
                + "' ("
                + entry.getValue()
                + ")"
                + closest(key, declared).map(k -> "; did you mean '" + k + "'?").orElse(""));
      }
    }
  }

  /**
   * The declared key nearest to {@code key} by edit distance, if one is near enough.
   *
   * @param key a key that matches no declaration
   * @param declared the declared settings, with absolute keys
   * @return the nearest declared key, or empty when none is near enough
   */
  public static Optional<String> closest(String key, Collection<? extends SettingKey<?>> declared) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (SettingKey<?> candidate : declared) {
      String shown = concrete(candidate.key(), key);
      int distance = EditDistance.between(key, shown);
      if (distance < bestDistance) {
        best = candidate.key();
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, key.length() / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** The pattern with its {@code *} segments filled from the given key, for a fair distance. */
  private static String concrete(String pattern, String given) {
    if (!pattern.contains("*")) {
      return pattern;
    }
    String[] p = pattern.split("\\.");
    String[] g = given.split("\\.");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      out.add(p[i].equals("*") && i < g.length ? g[i] : p[i]);
    }
    return String.join(".", out);
  }
}
