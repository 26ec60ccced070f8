package io.cexsafe.facts;

/** Mobile app stores. */
public enum AppStore {
  /** Apple's App Store. */
  APPLE,
  /** Google Play. */
  GOOGLE_PLAY
}
