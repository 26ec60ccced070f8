package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The registry of fact type names, derived from {@link Fact}'s JSON subtype declarations. */
public final class FactTypes {
  private static final Map<String, Class<? extends Fact>> BY_NAME;
  private static final Map<Class<?>, String> NAMES;

  static {
    Map<String, Class<? extends Fact>> byName = new LinkedHashMap<>();
    Map<Class<?>, String> names = new LinkedHashMap<>();
    for (JsonSubTypes.Type type : Fact.class.getAnnotation(JsonSubTypes.class).value()) {
      @SuppressWarnings("unchecked")
      Class<? extends Fact> factClass = (Class<? extends Fact>) type.value();
      byName.put(type.name(), factClass);
      names.put(factClass, type.name());
    }
    BY_NAME = Collections.unmodifiableMap(byName);
    NAMES = Collections.unmodifiableMap(names);
  }

  private FactTypes() {}

  /** Every fact type name, in vocabulary order. */
  public static Map<String, Class<? extends Fact>> all() {
    return BY_NAME;
  }

  public static Optional<Class<? extends Fact>> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static String nameOf(Class<?> factClass) {
    String name = NAMES.get(factClass);
    if (name == null) {
      throw new IllegalArgumentException("not a registered fact type: " + factClass.getName());
    }
    return name;
  }
}
