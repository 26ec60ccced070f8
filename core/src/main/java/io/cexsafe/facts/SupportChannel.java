package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * A support channel.
 *
 * @param channel the kind of channel
 * @param around24x7 staffed around the clock; null when unknown
 * @param humanAgents users reach people, not only a bot; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("support-channel")
public record SupportChannel(
    SupportChannelType channel, Boolean around24x7, Boolean humanAgents, String detail)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param channel the kind of channel
   * @param around24x7 staffed around the clock; null when unknown
   * @param humanAgents users reach people, not only a bot; null when unknown
   * @param detail what the exchange says about it, or null
   */
  public SupportChannel {
    Checks.required(channel, "channel");
    detail = Checks.optionalText(detail);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.SUPPORT);
  }

  @Override
  public String summary() {
    return Checks.words(channel)
        + (Boolean.TRUE.equals(around24x7) ? " 24/7" : "")
        + (detail == null ? "" : " (" + detail + ")");
  }
}
