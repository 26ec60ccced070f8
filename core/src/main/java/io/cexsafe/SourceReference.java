package io.cexsafe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms a catalogue source may take. A source says where an identifier or an entity was read:
 *
 * <ul>
 *   <li>an {@code http} or {@code https} URL of the page or file that was read;
 *   <li>a file of a public repository at one commit: {@code github.com/<owner>/<repo>@<40-hex
 *       commit>:<path>};
 *   <li>{@code carried:<commit>}: carried over from the cexsafe catalogue at that commit, whose
 *       original source was not recorded.
 * </ul>
 */
public final class SourceReference {
  private static final Pattern REPOSITORY_FILE =
      Pattern.compile("[a-z0-9.-]+\\.[a-z]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@[0-9a-f]{40}:\\S+");
  private static final Pattern CARRIED = Pattern.compile("carried:[0-9a-f]{7,40}");

  /** Sources recently found valid, as given: identity, never equality, decides a hit. */
  private static final String[] recentlyValid = new String[8];

  private static int next;

  private SourceReference() {}

  /**
   * True when {@code source} takes one of the accepted forms.
   *
   * @param source the text to check
   * @return whether it is a URL, a repository file at a commit, or a carried marker
   */
  public static boolean isValid(String source) {
    if (source == null) {
      return false;
    }
    return REPOSITORY_FILE.matcher(source).matches()
        || CARRIED.matcher(source).matches()
        || isWebUrl(source);
  }

  /**
   * True when the source is a marker for an identifier carried over without a recorded source.
   *
   * @param source a valid source
   * @return whether it starts with {@code carried:}
   */
  public static boolean isCarried(String source) {
    return source != null && source.startsWith("carried:");
  }

  static String check(String source, String what) {
    if (source != null) {
      // the bundled catalogue's digest hands every identifier of one source the same instance:
      // each checked once, not hundreds of times at start-up
      for (String valid : recentlyValid) {
        if (valid == source) {
          return source;
        }
      }
    }
    String text = Strings.blankToNull(source);
    if (text != null && !isValid(text)) {
      throw new IllegalArgumentException(
          what
              + ": source must be an http(s) URL, github.com/<owner>/<repo>@<commit>:<path> or"
              + " carried:<commit>, not '"
              + text
              + "'");
    }
    if (text != null && text == source) {
      // a racing write loses an entry, never adds a wrong one: Strings are immutable
      recentlyValid[(next = (next + 1) & (recentlyValid.length - 1))] = text;
    }
    return text;
  }

  private static boolean isWebUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && !text.contains(" ");
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
