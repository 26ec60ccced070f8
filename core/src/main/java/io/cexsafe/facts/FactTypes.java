package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of fact type names: the records {@link Fact} permits, each named by its own {@link
 * JsonTypeName}. The names are cexsafe's published JSON vocabulary; they never change.
 */
public final class FactTypes {
  private static final Map<String, Class<? extends Fact>> BY_NAME =
      Collections.unmodifiableMap(byName(Fact.class, Fact.class.getPermittedSubclasses()));
  private static final Map<Class<?>, String> NAMES = namesOf(BY_NAME);

  private FactTypes() {}

  /** {@return every fact type name, in vocabulary order (the order of {@code permits})} */
  public static Map<String, Class<? extends Fact>> all() {
    return BY_NAME;
  }

  /**
   * Finds a fact type by the name it has in JSON.
   *
   * @param name the type name, e.g. {@code reserve-snapshot}
   * @return the fact class, or empty when no fact type has that name
   */
  public static Optional<Class<? extends Fact>> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The name a fact type has in JSON.
   *
   * @param factClass a registered fact class
   * @return its type name, e.g. {@code reserve-snapshot}
   * @throws IllegalArgumentException when the class is not a registered fact type
   */
  public static String nameOf(Class<?> factClass) {
    String name = NAMES.get(factClass);
    if (name == null) {
      throw new IllegalArgumentException("not a registered fact type: " + factClass.getName());
    }
    return name;
  }

  /**
   * Names the given fact classes by their {@link JsonTypeName}, failing on a class without a name,
   * a blank name, or a name taken twice (each would silently break the JSON vocabulary).
   */
  static <T> Map<String, Class<? extends T>> byName(Class<T> base, Class<?>[] factClasses) {
    Map<String, Class<? extends T>> byName = new LinkedHashMap<>();
    for (Class<?> factClass : factClasses) {
      if (!base.isAssignableFrom(factClass)) {
        throw new IllegalStateException(factClass.getName() + " is not a " + base.getSimpleName());
      }
      JsonTypeName typeName = factClass.getAnnotation(JsonTypeName.class);
      if (typeName == null || typeName.value().isBlank()) {
        throw new IllegalStateException(
            "fact type " + factClass.getName() + " declares no @JsonTypeName");
      }
      Class<? extends T> previous =
          byName.putIfAbsent(typeName.value(), factClass.asSubclass(base));
      if (previous != null) {
        throw new IllegalStateException(
            "fact type name '"
                + typeName.value()
                + "' is declared by both "
                + previous.getName()
                + " and "
                + factClass.getName());
      }
    }
    return byName;
  }

  private static Map<Class<?>, String> namesOf(Map<String, Class<? extends Fact>> byName) {
    Map<Class<?>, String> names = new LinkedHashMap<>();
    byName.forEach((name, type) -> names.put(type, name));
    return Collections.unmodifiableMap(names);
  }

  /**
   * The JSON side of the registry, named on {@link Fact}: every Jackson mapper, not only cexsafe's
   * own, reads and writes the {@code type} property through it.
   */
  static final class IdResolver extends TypeIdResolverBase {
    @Override
    public String idFromValue(Object value) {
      return nameOf(value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
      return nameOf(value == null ? suggestedType : value.getClass());
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
      Class<? extends Fact> type = BY_NAME.get(id);
      // null lets Jackson report an unknown type id (InvalidTypeIdException)
      return type == null ? null : context.constructType(type);
    }

    @Override
    public String getDescForKnownTypeIds() {
      return String.join(", ", BY_NAME.keySet());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
      return JsonTypeInfo.Id.CUSTOM;
    }
  }
}
