package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.util.Set;

/** An independent security rating (e.g. CER.live). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("security-rating")
public record SecurityRating(String provider, BigDecimal score, BigDecimal maxScore, String grade)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param provider who rates, e.g. CER.live
   * @param score the score, or null when only a grade is given
   * @param maxScore the best possible score, or null
   * @param grade the grade, or null when only a score is given
   */
  public SecurityRating {
    provider = Checks.text(provider, "provider");
    Checks.nonNegative(score, "score");
    Checks.nonNegative(maxScore, "maxScore");
    grade = Checks.optionalText(grade);
    if (score == null && grade == null) {
      throw new IllegalArgumentException("a security rating needs a score or a grade");
    }
    if (score != null && maxScore != null && score.compareTo(maxScore) > 0) {
      throw new IllegalArgumentException("score exceeds maxScore");
    }
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.APP_SECURITY);
  }

  @Override
  public String summary() {
    return provider
        + " rating "
        + (score == null
            ? grade
            : score.toPlainString() + (maxScore == null ? "" : "/" + maxScore.toPlainString()));
  }
}
