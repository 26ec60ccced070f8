package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every rule, by pillar. The rule maxima of each pillar sum to 100. */
public final class RuleBook {
  /** Version of the rubrics; bump it whenever a rule's points or logic change. */
  public static final String VERSION = "2.0";

  private static final Map<Pillar, List<Rule>> BY_PILLAR = build();

  private RuleBook() {}

  private static Map<Pillar, List<Rule>> build() {
    List<Rule> all = new ArrayList<>();
    all.addAll(CustodyRules.rules());
    all.addAll(PorRules.rules());
    all.addAll(InsuranceRules.rules());
    all.addAll(RegulationRules.rules());
    all.addAll(AppSecurityRules.rules());
    all.addAll(TrackRecordRules.rules());
    all.addAll(UxRules.rules());
    all.addAll(SupportRules.rules());
    Map<Pillar, List<Rule>> byPillar = new EnumMap<>(Pillar.class);
    Set<String> ids = new HashSet<>();
    for (Rule rule : all) {
      if (!ids.add(rule.id())) {
        throw new IllegalStateException("duplicate rule id " + rule.id());
      }
      byPillar.computeIfAbsent(rule.pillar(), p -> new ArrayList<>()).add(rule);
    }
    for (Pillar pillar : Pillar.values()) {
      List<Rule> rules = byPillar.get(pillar);
      double sum = rules == null ? 0 : rules.stream().mapToDouble(Rule::maxPoints).sum();
      if (Math.abs(sum - 100) > 1e-9) {
        throw new IllegalStateException("rule maxima of " + pillar.id() + " sum to " + sum);
      }
      byPillar.put(pillar, List.copyOf(rules));
    }
    return Collections.unmodifiableMap(byPillar);
  }

  public static List<Rule> rules(Pillar pillar) {
    return BY_PILLAR.get(pillar);
  }

  public static List<Rule> all() {
    List<Rule> all = new ArrayList<>();
    BY_PILLAR.values().forEach(all::addAll);
    return all;
  }
}
