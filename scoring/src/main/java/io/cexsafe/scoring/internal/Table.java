package io.cexsafe.scoring.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A category kind: named levels, best first, each worth declared points. The best level is the
 * rule's maximum, so the maximum is written once; a worse level never earns more than a better one.
 * Placeholders {@code {name}} in a rubric state each level's points.
 */
final class Table implements Scale {
  /** One category and what it earns. */
  record Level(String name, double points) {
    Level {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a level needs a name");
      }
      if (!(points >= 0) || Double.isInfinite(points)) {
        throw new IllegalArgumentException(
            "level " + name + " must be worth a finite, non-negative number of points");
      }
    }
  }

  private final List<Level> levels;

  private Table(List<Level> levels) {
    this.levels = List.copyOf(levels);
  }

  /** A table whose best level, {@code name}, earns {@code points} (the rule's maximum). */
  static Table best(String name, double points) {
    Level level = new Level(name, points);
    if (!(points > 0)) {
      throw new IllegalArgumentException(
          "the best level " + name + " must be worth more than 0 points");
    }
    return new Table(List.of(level));
  }

  /** This table with a next, not better, level. */
  Table then(String name, double points) {
    Level level = new Level(name, points);
    Level previous = levels.get(levels.size() - 1);
    if (points > previous.points()) {
      throw new IllegalArgumentException(
          "levels must not increase: "
              + name
              + " ("
              + Fmt.num(points)
              + ") after "
              + previous.name()
              + " ("
              + Fmt.num(previous.points())
              + ")");
    }
    if (levels.stream().anyMatch(l -> l.name().equals(name))) {
      throw new IllegalArgumentException("level " + name + " is declared twice");
    }
    List<Level> more = new ArrayList<>(levels);
    more.add(level);
    return new Table(more);
  }

  @Override
  public double max() {
    return levels.get(0).points();
  }

  /** The points of level {@code name}. */
  double points(String name) {
    for (Level level : levels) {
      if (level.name().equals(name)) {
        return level.points();
      }
    }
    throw new IllegalArgumentException("no level " + name + " in this table");
  }

  /** The share of the maximum level {@code name} earns. */
  double fraction(String name) {
    return points(name) / max();
  }

  List<Level> levels() {
    return Collections.unmodifiableList(levels);
  }

  @Override
  public Map<String, String> terms() {
    Map<String, String> terms = new LinkedHashMap<>();
    levels.forEach(l -> terms.put(l.name(), Fmt.num(l.points())));
    return terms;
  }
}
