package io.cexsafe;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Identifies one run of cexsafe: the JSON envelope, the log lines and a stored run all carry the
 * same id, so a pipeline can join what one invocation produced. A generated id is a time-ordered
 * UUID (version 7, RFC 9562): ids sort by creation time and need no coordination. A caller may
 * bring its own id instead (a scheduler's run id, say) through {@link #of(String)}.
 *
 * @param value the id as written everywhere: 1 to {@value #MAX_LENGTH} characters, letters, digits
 *     and {@code . _ : + -}, starting with a letter or digit
 */
public record RunId(String value) {
  /** The longest id accepted. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]*");

  /**
   * Checks the id.
   *
   * @param value the id as written everywhere: 1 to {@value #MAX_LENGTH} characters, letters,
   *     digits and {@code . _ : + -}, starting with a letter or digit
   * @throws IllegalArgumentException when the id is empty, too long or has other characters
   */
  public RunId {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid run id '"
              + (value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value)
              + "': expected 1 to "
              + MAX_LENGTH
              + " letters, digits or . _ : + - starting with a letter or digit");
    }
  }

  /**
   * A given id, e.g. the scheduler's.
   *
   * @param value the id to use, in the shape {@link RunId} describes
   * @return the run id carrying {@code value} unchanged
   * @throws IllegalArgumentException when it is not a valid id
   */
  public static RunId of(String value) {
    return new RunId(value);
  }

  /** {@return a fresh time-ordered id (UUID version 7) from the system UTC clock} */
  public static RunId generate() {
    return generate(Clock.systemUTC());
  }

  /**
   * A fresh time-ordered id whose time part is the clock's current millisecond.
   *
   * @param clock the clock whose current instant, in Unix milliseconds, leads the id
   * @return a UUID version 7 id: ids from later milliseconds sort after earlier ones
   */
  public static RunId generate(Clock clock) {
    long millis = clock.millis();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // 48 bits of Unix milliseconds, version 7, 12 random bits; variant 2, 62 random bits
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new RunId(new UUID(high, low).toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
