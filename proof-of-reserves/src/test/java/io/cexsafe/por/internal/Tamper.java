package io.cexsafe.por.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** One-character changes to proof files: every digit and hex character of the chosen values. */
final class Tamper {
  private Tamper() {}

  /** A changed copy of a text with the position that was changed. */
  record Change(int position, String text) {
    String describe() {
      int from = Math.max(0, position - 30);
      int to = Math.min(text.length(), position + 30);
      return "change at " + position + ": …" + text.substring(from, to).replace('\n', '⏎') + "…";
    }
  }

  /** Replaces a digit by the next digit and a hex letter by the next letter, wrapping around. */
  static char bump(char c) {
    if (c >= '0' && c <= '9') {
      return c == '9' ? '0' : (char) (c + 1);
    }
    if (c >= 'a' && c <= 'f') {
      return c == 'f' ? 'a' : (char) (c + 1);
    }
    if (c >= 'A' && c <= 'Z') {
      return c == 'Z' ? 'A' : (char) (c + 1);
    }
    if (c >= 'g' && c <= 'z') {
      return c == 'z' ? 'g' : (char) (c + 1);
    }
    return c;
  }

  static boolean changeable(char c) {
    return bump(c) != c;
  }

  /**
   * Every one-character change inside JSON values (strings and numbers) whose field name is not in
   * {@code ignoredFields}. Array elements inherit the field name of their array.
   */
  static List<Change> jsonValueChanges(String json, Set<String> ignoredFields) {
    List<Change> changes = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      List<String> names = new ArrayList<>();
      String field = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case FIELD_NAME -> field = parser.currentName();
          case START_OBJECT, START_ARRAY -> {
            names.add(field);
          }
          case END_OBJECT, END_ARRAY -> {
            names.remove(names.size() - 1);
            field = null;
          }
          case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            String owner = field != null ? field : names.get(names.size() - 1);
            if (!ignoredFields.contains(owner)) {
              int start = (int) parser.currentTokenLocation().getCharOffset();
              if (token == JsonToken.VALUE_STRING) {
                start++;
              }
              int length = parser.getTextLength();
              for (int i = start; i < start + length; i++) {
                if (changeable(json.charAt(i))) {
                  changes.add(change(json, i));
                }
              }
            }
            if (parser.getParsingContext().inObject()) {
              field = null;
            }
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return changes;
  }

  /** Every one-character change of a digit or hex character anywhere in a text file. */
  static List<Change> textChanges(String text) {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
        changes.add(change(text, i));
      }
    }
    return changes;
  }

  static List<Change> sample(List<Change> changes, int count, Random random) {
    List<Change> copy = new ArrayList<>(changes);
    java.util.Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(count, copy.size()));
  }

  private static Change change(String text, int position) {
    char[] chars = text.toCharArray();
    chars[position] = bump(chars[position]);
    return new Change(position, new String(chars));
  }
}
