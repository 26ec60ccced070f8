package io.cexsafe.facts;

/** Mobile app stores. */
public enum AppStore {
  APPLE,
  GOOGLE_PLAY
}
