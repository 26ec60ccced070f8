package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether customer assets are kept apart and fully backed. Each flag is null when not stated.
 *
 * @param oneToOneBacking customer assets are backed 1:1
 * @param segregated customer assets are held apart from the exchange's own
 * @param bankruptcyRemote customer assets sit in a bankruptcy-remote entity or trust
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("asset-segregation")
public record AssetSegregation(
    Boolean oneToOneBacking, Boolean segregated, Boolean bankruptcyRemote, String detail)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param oneToOneBacking customer assets are backed 1:1
   * @param segregated customer assets are held apart from the exchange's own
   * @param bankruptcyRemote customer assets sit in a bankruptcy-remote entity or trust
   * @param detail what the exchange says about it, or null
   */
  public AssetSegregation {
    if (oneToOneBacking == null && segregated == null && bankruptcyRemote == null) {
      throw new IllegalArgumentException("asset segregation must state at least one flag");
    }
    detail = Checks.optionalText(detail);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY);
  }

  @Override
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (oneToOneBacking != null) {
      parts.add((oneToOneBacking ? "" : "not ") + "1:1 backed");
    }
    if (segregated != null) {
      parts.add((segregated ? "" : "not ") + "segregated");
    }
    if (bankruptcyRemote != null) {
      parts.add((bankruptcyRemote ? "" : "not ") + "bankruptcy-remote");
    }
    return "customer assets " + String.join(", ", parts);
  }
}
