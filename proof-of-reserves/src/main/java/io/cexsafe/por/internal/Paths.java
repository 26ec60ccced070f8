package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks shared by the schemes whose path entries carry a left/right {@code type}. */
final class Paths {
  private Paths() {}

  /**
   * The {@code type} of a path entry below the root, 1 (left) or 2 (right), where the first sibling
   * must sit on the side opposite the leaf's own {@code selfType}.
   */
  static int siblingSide(JsonNode entry, String where, int level, boolean first, int selfType) {
    int type = Json.integer(entry, "type", where);
    if (type != 1 && type != 2) {
      throw new MalformedProofException(
          where + ".type must be 1 or 2 below the root, was " + type, level);
    }
    if (first && type == selfType) {
      throw new MalformedProofException(
          where
              + ".type "
              + type
              + " puts the leaf's sibling on the leaf's own side ($.self.type "
              + selfType
              + ")",
          level);
    }
    return type;
  }
}
