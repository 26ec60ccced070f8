package io.cexsafe.por.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 and hex helpers in the forms the formats use. */
public final class Digests {
  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]*");

  private Digests() {}

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  public static byte[] sha256(byte[] input) {
    return sha256().digest(input);
  }

  /** Lower-case hex of SHA-256 over the UTF-8 bytes of the text. */
  public static String sha256Hex(String text) {
    return HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  public static byte[] unhex(String hex, String where) {
    requireHex(hex, hex.length(), where);
    return HEX.parseHex(hex);
  }

  /** Requires lower-case hex of the given length; upper case would hash differently. */
  public static String requireHex(String value, int length, String where) {
    if (value == null || value.length() != length || !LOWER_HEX.matcher(value).matches()) {
      throw new MalformedProofException(
          where + " must be " + length + " lower-case hex characters, was " + Texts.quote(value));
    }
    return value;
  }
}
