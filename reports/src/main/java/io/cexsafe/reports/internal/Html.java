package io.cexsafe.reports.internal;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.Locale;

/**
 * A small HTML builder: every piece of text and every attribute value goes through Guava's HTML
 * escaper, so that nothing taken from evidence can become markup.
 */
final class Html {
  private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();

  private final StringBuilder out = new StringBuilder(64 * 1024);

  static String escape(String text) {
    return text == null ? "" : ESCAPER.escape(text);
  }

  /** An id or class fragment made only of lower-case letters, digits and hyphens. */
  static String slug(String value) {
    return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
  }

  /** Appends markup written in this code base (never data). */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends escaped text. */
  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Appends {@code <tag attrs>text</tag>}; attrs are name, value pairs and escaped. */
  Html element(String tag, String text, String... attributes) {
    open(tag, attributes);
    text(text);
    return close(tag);
  }

  Html open(String tag, String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    out.append('<').append(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ')
            .append(attributes[i])
            .append("=\"")
            .append(escape(attributes[i + 1]))
            .append('"');
      }
    }
    out.append('>');
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /**
   * A link to a source when its URL is http or https (opening in a new tab, without a referrer);
   * other URLs, such as {@code urn:} identifiers of curated documents, are shown as text.
   */
  Html link(String url, String text) {
    if (Fmt.linkable(url)) {
      return element("a", text, "href", url, "rel", "noopener noreferrer nofollow");
    }
    return text(text).raw(" ").element("span", "(" + url + ")", "class", "urn");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
