package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;

/** Whether an app is offered in a storefront ("not sold here" is a fact, not an error). */
@JsonTypeName("app-availability")
public record AppAvailability(AppStore store, String storefront, String appId, boolean available)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param store the app store
   * @param storefront the storefront's ISO alpha-2 country code
   * @param appId the app's id in that store
   * @param available whether the app is offered there
   */
  public AppAvailability {
    Checks.required(store, "store");
    storefront = Checks.country(storefront, "storefront");
    appId = Checks.text(appId, "appId");
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.USER_EXPERIENCE);
  }

  @Override
  public String summary() {
    return appId
        + (available ? " is offered in " : " is not offered in ")
        + store
        + " "
        + storefront;
  }
}
