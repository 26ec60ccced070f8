package io.cexsafe.por.internal;

/** Quoting values taken from the input in messages, so a huge value never floods a message. */
public final class Texts {
  /** At most this many characters of a value are shown. */
  static final int SHOWN = 40;

  private Texts() {}

  /**
   * The value in single quotes; a value longer than {@value #SHOWN} characters is cut to its first
   * {@value #SHOWN} followed by "…" and its length: {@code 'abc…' (5000000 characters)}.
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    int length = value.length();
    if (length <= SHOWN) {
      return "'" + value + "'";
    }
    int cut = Character.isHighSurrogate(value.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
    return "'" + value.substring(0, cut) + "…' (" + length + " characters)";
  }
}
