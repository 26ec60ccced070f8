package io.cexsafe.por.internal;

/** Exposes the digest helper to tests in the API package. */
public final class TestHashes {
  private TestHashes() {}

  public static String sha256Hex(String text) {
    return Digests.sha256Hex(text);
  }
}
