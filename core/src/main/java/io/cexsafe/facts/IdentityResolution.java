package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.List;
import java.util.Set;

/**
 * The exchange's identity was resolved at run time by matching its name across sources, not taken
 * from a reviewed catalogue entry: every other fact about it rests on that match, which nobody has
 * checked. Context only (it informs no pillar); scorecards and reports flag it as an <em>unreviewed
 * identity</em>.
 *
 * @param query the name or slug asked for
 * @param matches the evidence of each accepted match (source, field, what matched, confidence)
 * @param unresolved sources that could not be read or listed nothing for the name
 */
@JsonTypeName("identity-resolution")
public record IdentityResolution(String query, List<String> matches, List<String> unresolved)
    implements Fact {
  /** The words every report shows beside an exchange whose identity is unreviewed. */
  public static final String FLAG = "unreviewed identity";

  /**
   * Checks the query is present and copies the lists.
   *
   * @param query the name or slug asked for
   * @param matches the evidence of each accepted match (source, field, what matched, confidence)
   * @param unresolved sources that could not be read or listed nothing for the name
   */
  public IdentityResolution {
    query = Checks.text(query, "query");
    matches = Checks.list(matches);
    unresolved = Checks.list(unresolved);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of();
  }

  @Override
  public String summary() {
    return FLAG
        + ": '"
        + query
        + "' was matched at run time by name ("
        + (matches.isEmpty() ? "no source matched" : matches.size() + " source(s) matched")
        + "), not a reviewed catalogue entry";
  }
}
