package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Locale;
import java.util.Set;

/** The number of users an exchange reports. Context only; it feeds no pillar. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("user-base")
public record UserBase(long users, String scope) implements Fact {
  /**
   * Validates the components.
   *
   * @param users the number of users reported
   * @param scope what the number counts (e.g. "registered users worldwide"), or null
   */
  public UserBase {
    if (users < 0) {
      throw new IllegalArgumentException("users must not be negative: " + users);
    }
    scope = Checks.optionalText(scope);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of();
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "%,d users", users)
        + (scope == null ? "" : " (" + scope + ")");
  }
}
