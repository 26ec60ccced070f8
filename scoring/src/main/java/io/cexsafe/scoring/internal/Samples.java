package io.cexsafe.scoring.internal;

import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.ReviewThemes;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses review and rating samples that do not overlap. Collectors may report a store's rating per
 * storefront and also as a {@code GLOBAL} aggregate, and review themes per storefront, per store
 * and pooled across stores; adding them all up would count the same ratings twice or three times.
 */
final class Samples {
  static final String GLOBAL = "GLOBAL";

  private Samples() {}

  /**
   * Per store: its storefront ratings when there are any (they carry their own counts), otherwise
   * its {@code GLOBAL} rating.
   */
  static List<Item<AppRating>> ratings(List<Item<AppRating>> ratings) {
    List<Item<AppRating>> chosen = new ArrayList<>();
    for (AppStore store : AppStore.values()) {
      List<Item<AppRating>> ofStore =
          ratings.stream().filter(i -> i.fact().store() == store).toList();
      List<Item<AppRating>> storefronts =
          ofStore.stream().filter(i -> !GLOBAL.equals(i.fact().storefront())).toList();
      chosen.addAll(storefronts.isEmpty() ? ofStore : storefronts);
    }
    return chosen;
  }

  /**
   * The widest samples that do not overlap: themes pooled across stores when present, otherwise per
   * store its {@code GLOBAL} sample when present, otherwise its storefront samples.
   */
  static List<Item<ReviewThemes>> themes(List<Item<ReviewThemes>> themes) {
    List<Item<ReviewThemes>> pooled =
        themes.stream().filter(i -> i.fact().store() == null).toList();
    if (!pooled.isEmpty()) {
      return pooled;
    }
    List<Item<ReviewThemes>> chosen = new ArrayList<>();
    for (AppStore store : AppStore.values()) {
      List<Item<ReviewThemes>> ofStore =
          themes.stream().filter(i -> i.fact().store() == store).toList();
      List<Item<ReviewThemes>> global =
          ofStore.stream().filter(i -> GLOBAL.equals(i.fact().storefront())).toList();
      chosen.addAll(global.isEmpty() ? ofStore : global);
    }
    return chosen;
  }
}
