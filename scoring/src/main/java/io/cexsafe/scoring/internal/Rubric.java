package io.cexsafe.scoring.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a rubric template from a rule's declaration: every {@code {name}} is replaced by the
 * declared term of that name, and {@code {max}} by the rule's maximum. A template that names an
 * undeclared term, or leaves a declared one unstated, is rejected: every number the rubric states
 * comes from the numbers the rule computes with.
 */
final class Rubric {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.-]*)}");

  private Rubric() {}

  static String render(String id, String template, Scale scale) {
    Map<String, String> terms = new LinkedHashMap<>(scale.terms());
    terms.putIfAbsent("max", Fmt.num(scale.max()));
    Set<String> unstated = new TreeSet<>(scale.terms().keySet());
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      String name = m.group(1);
      String term = terms.get(name);
      if (term == null) {
        throw new IllegalArgumentException(
            id + ": the rubric names {" + name + "}, which the rule does not declare");
      }
      unstated.remove(name);
      m.appendReplacement(out, Matcher.quoteReplacement(term));
    }
    m.appendTail(out);
    if (!unstated.isEmpty()) {
      throw new IllegalArgumentException(
          id + ": the rubric never states the declared " + String.join(", ", unstated));
    }
    return out.toString();
  }
}
