package io.cexsafe.internal;

import io.cexsafe.CexsafeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * A compact binary form of validated records, written by the build from a bundled JSON resource and
 * read at start-up instead of that JSON, without Jackson's data binding.
 *
 * <p>The JSON stays the source of truth: the build reads it with the full validation a user's file
 * gets and writes the records it yields here. Reading rebuilds the records through their canonical
 * constructors (so their validation runs again) and refuses, with an error naming the resource, a
 * digest that is truncated or altered (a CRC-32 of its bytes) or that was written from other JSON
 * bytes than those beside it (their length and CRC-32 are recorded): a stale digest is never read
 * as if it were current.
 *
 * <p>Layout: magic {@code CXDG}, format version, source length and CRC-32, a table of the distinct
 * strings, the value, and the CRC-32 of everything before it. A value's shape follows its declared
 * Java type: records component by component, lists, sets and maps with a count, enums by name,
 * dates as epoch days, decimals exactly as written; a record declared through an interface (a
 * sealed {@code Fact}) is preceded by its class name.
 */
public final class RecordDigest {
  private static final int MAGIC = 0x43584447; // "CXDG"
  private static final int VERSION = 1;
  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          boolean.class, Boolean.class,
          int.class, Integer.class,
          long.class, Long.class,
          double.class, Double.class,
          float.class, Float.class);

  private RecordDigest() {}

  /**
   * Writes a value as a digest of {@code source}.
   *
   * @param <T> the value's type
   * @param source the JSON bytes the value was read from
   * @param type the value's type: a record
   * @param value the value
   * @return the digest
   * @throws IllegalArgumentException when the value holds a type this form cannot hold
   */
  public static <T extends Record> byte[] write(byte[] source, Class<T> type, T value) {
    Writer writer = new Writer();
    try {
      writer.value(type, type, value);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + writer.body.size());
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(source.length);
      out.writeInt(crc(source, source.length));
      out.writeInt(writer.strings.size());
      for (String string : writer.strings.keySet()) {
        byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      writer.body.writeTo(out);
      out.flush();
      byte[] unsealed = bytes.toByteArray();
      out.writeInt(crc(unsealed, unsealed.length));
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a digest written by {@link #write}.
   *
   * @param <T> the value's type
   * @param digest the digest's bytes
   * @param source the JSON bytes it must have been written from
   * @param name names the digest in errors
   * @param type the value's type, as written
   * @param factories constructors to use instead of reflection, by record class, each given the
   *     components in order (optional; a record without one is built reflectively)
   * @return the value
   * @throws CexsafeException when the digest is truncated, altered, of another format version or
   *     written from other JSON than {@code source}
   */
  public static <T extends Record> T read(
      byte[] digest,
      byte[] source,
      String name,
      Class<T> type,
      Map<Class<?>, Function<Object[], Object>> factories) {
    if (digest.length < 24) {
      throw corrupt(name, "truncated (" + digest.length + " bytes)");
    }
    int sealed = digest.length - 4;
    int expectedCrc =
        ((digest[sealed] & 0xff) << 24)
            | ((digest[sealed + 1] & 0xff) << 16)
            | ((digest[sealed + 2] & 0xff) << 8)
            | (digest[sealed + 3] & 0xff);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(digest, 0, sealed));
    try {
      if (in.readInt() != MAGIC) {
        throw corrupt(name, "not a cexsafe digest");
      }
      if (crc(digest, sealed) != expectedCrc) {
        throw corrupt(name, "its checksum does not match its content");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw stale(name, "format version " + version + ", this build reads " + VERSION);
      }
      if (in.readInt() != source.length || in.readInt() != crc(source, source.length)) {
        throw stale(name, "it was written from a different version of its JSON source");
      }
      String[] strings = new String[count(in, sealed)];
      for (int i = 0; i < strings.length; i++) {
        byte[] utf8 = new byte[count(in, sealed)];
        in.readFully(utf8);
        strings[i] = new String(utf8, StandardCharsets.UTF_8);
      }
      Object value = new Reader(in, strings, factories, sealed).value(type, type);
      if (in.available() != 0) {
        throw corrupt(name, in.available() + " bytes left after its content");
      }
      return type.cast(value);
    } catch (EOFException e) {
      throw corrupt(name, "truncated");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DigestFormatException e) {
      throw corrupt(name, e.getMessage());
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (e instanceof CexsafeException c) {
        throw c;
      }
      // the records' own validation or a renamed class or constant: the digest no longer fits
      // the classes that read it
      throw stale(name, "its content no longer fits this build's classes: " + e);
    }
  }

  private static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  private static int count(DataInputStream in, int limit) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > limit) {
      throw new DigestFormatException("impossible count " + count);
    }
    return count;
  }

  private static CexsafeException corrupt(String name, String problem) {
    return new CexsafeException(
        name + " is corrupt (" + problem + "); rebuild cexsafe or reinstall its jar");
  }

  private static CexsafeException stale(String name, String problem) {
    return new CexsafeException(
        name
            + " is stale ("
            + problem
            + "); the build regenerates it: run ./mvnw process-classes, or reinstall the jar");
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported type in a digest: " + type);
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    throw new IllegalArgumentException("a digest needs the element type of " + type);
  }

  private static boolean concrete(Class<?> type) {
    return type.isRecord() && Modifier.isFinal(type.getModifiers());
  }

  /** Malformed content found while reading. */
  private static final class DigestFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DigestFormatException(String message) {
      super(message);
    }
  }

  private static final class Writer {
    final Map<String, Integer> strings = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    final DataOutputStream out = new DataOutputStream(body);

    void string(String value) throws IOException {
      Integer index = strings.get(value);
      if (index == null) {
        index = strings.size();
        strings.put(value, index);
      }
      out.writeInt(index);
    }

    void value(Type declared, Class<?> expected, Object value) throws IOException {
      if (expected.isPrimitive()) {
        primitive(expected, value);
        return;
      }
      if (value == null) {
        out.writeByte(0);
        return;
      }
      out.writeByte(1);
      Class<?> type = raw(declared);
      if (type == String.class) {
        string((String) value);
      } else if (BOXES.containsValue(type)) {
        primitive(type, value);
      } else if (type == BigDecimal.class || type == BigInteger.class || type == URI.class) {
        string(value.toString());
      } else if (type == LocalDate.class) {
        out.writeLong(((LocalDate) value).toEpochDay());
      } else if (type == Instant.class) {
        out.writeLong(((Instant) value).getEpochSecond());
        out.writeInt(((Instant) value).getNano());
      } else if (type.isEnum()) {
        string(((Enum<?>) value).name());
      } else if (type == List.class || type == Set.class || type == Collection.class) {
        Collection<?> items = (Collection<?>) value;
        out.writeInt(items.size());
        Type element = argument(declared, 0);
        for (Object item : items) {
          value(element, raw(element), item);
        }
      } else if (type == Map.class) {
        Map<?, ?> map = (Map<?, ?>) value;
        out.writeInt(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          value(argument(declared, 0), raw(argument(declared, 0)), entry.getKey());
          value(argument(declared, 1), raw(argument(declared, 1)), entry.getValue());
        }
      } else if (concrete(type)) {
        record(type, value);
      } else if (type.isInterface() && type.isInstance(value) && concrete(value.getClass())) {
        string(value.getClass().getName());
        record(value.getClass(), value);
      } else {
        throw new IllegalArgumentException(
            "a digest cannot hold " + value.getClass().getName() + " declared as " + declared);
      }
    }

    private void record(Class<?> type, Object value) throws IOException {
      for (RecordComponent component : type.getRecordComponents()) {
        Object item;
        try {
          var accessor = component.getAccessor();
          accessor.setAccessible(true);
          item = accessor.invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read " + component, e);
        }
        value(component.getGenericType(), component.getType(), item);
      }
    }

    private void primitive(Class<?> type, Object value) throws IOException {
      if (type == boolean.class || type == Boolean.class) {
        out.writeBoolean((Boolean) value);
      } else if (type == int.class || type == Integer.class) {
        out.writeInt((Integer) value);
      } else if (type == long.class || type == Long.class) {
        out.writeLong((Long) value);
      } else if (type == double.class || type == Double.class) {
        out.writeLong(Double.doubleToRawLongBits((Double) value));
      } else if (type == float.class || type == Float.class) {
        out.writeInt(Float.floatToRawIntBits((Float) value));
      } else {
        throw new IllegalArgumentException("a digest cannot hold " + type);
      }
    }
  }

  private static final class Reader {
    private final DataInputStream in;
    private final String[] strings;
    private final Map<Class<?>, Function<Object[], Object>> factories;
    private final int limit;
    private final Map<Class<?>, RecordShape> shapes = new HashMap<>();

    Reader(
        DataInputStream in,
        String[] strings,
        Map<Class<?>, Function<Object[], Object>> factories,
        int limit) {
      this.in = in;
      this.strings = strings;
      this.factories = factories;
      this.limit = limit;
    }

    private record RecordShape(
        Type[] types, Class<?>[] classes, Function<Object[], Object> factory) {}

    String string() throws IOException {
      int index = in.readInt();
      if (index < 0 || index >= strings.length) {
        throw new DigestFormatException("string " + index + " out of range");
      }
      return strings[index];
    }

    Object value(Type declared, Class<?> expected)
        throws IOException, ReflectiveOperationException {
      if (expected.isPrimitive()) {
        return primitive(expected);
      }
      int presence = in.readUnsignedByte();
      if (presence == 0) {
        return null;
      }
      if (presence != 1) {
        throw new DigestFormatException("bad presence marker " + presence);
      }
      Class<?> type = raw(declared);
      if (type == String.class) {
        return string();
      } else if (BOXES.containsValue(type)) {
        return primitive(type);
      } else if (type == BigDecimal.class) {
        return new BigDecimal(string());
      } else if (type == BigInteger.class) {
        return new BigInteger(string());
      } else if (type == URI.class) {
        return URI.create(string());
      } else if (type == LocalDate.class) {
        return LocalDate.ofEpochDay(in.readLong());
      } else if (type == Instant.class) {
        long seconds = in.readLong();
        return Instant.ofEpochSecond(seconds, in.readInt());
      } else if (type.isEnum()) {
        return enumConstant(type, string());
      } else if (type == List.class || type == Collection.class) {
        int size = count(in, limit);
        Type element = argument(declared, 0);
        List<Object> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          items.add(value(element, raw(element)));
        }
        return items;
      } else if (type == Set.class) {
        int size = count(in, limit);
        Type element = argument(declared, 0);
        Set<Object> items = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
          items.add(value(element, raw(element)));
        }
        return items;
      } else if (type == Map.class) {
        int size = count(in, limit);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          Object key = value(argument(declared, 0), raw(argument(declared, 0)));
          map.put(key, value(argument(declared, 1), raw(argument(declared, 1))));
        }
        return map;
      } else if (concrete(type)) {
        return record(type);
      } else if (type.isInterface()) {
        String name = string();
        Class<?> actual = Class.forName(name, false, type.getClassLoader());
        if (!type.isAssignableFrom(actual) || !concrete(actual)) {
          throw new DigestFormatException(name + " is not a " + type.getName());
        }
        return record(actual);
      }
      throw new IllegalArgumentException("a digest cannot hold " + declared);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
      return Enum.valueOf((Class) type, name);
    }

    private Object record(Class<?> type) throws IOException, ReflectiveOperationException {
      RecordShape shape = shapes.get(type);
      if (shape == null) {
        shape = shape(type);
        shapes.put(type, shape);
      }
      Object[] arguments = new Object[shape.classes.length];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = value(shape.types[i], shape.classes[i]);
      }
      return shape.factory.apply(arguments);
    }

    private RecordShape shape(Class<?> type) throws ReflectiveOperationException {
      RecordComponent[] components = type.getRecordComponents();
      Type[] types = new Type[components.length];
      Class<?>[] classes = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getGenericType();
        classes[i] = components[i].getType();
      }
      Function<Object[], Object> factory = factories.get(type);
      if (factory == null) {
        Constructor<?> constructor = type.getDeclaredConstructor(classes);
        constructor.setAccessible(true);
        factory =
            arguments -> {
              try {
                return constructor.newInstance(arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
              }
            };
      }
      return new RecordShape(types, classes, factory);
    }

    private Object primitive(Class<?> type) throws IOException {
      if (type == boolean.class || type == Boolean.class) {
        return in.readBoolean();
      } else if (type == int.class || type == Integer.class) {
        return in.readInt();
      } else if (type == long.class || type == Long.class) {
        return in.readLong();
      } else if (type == double.class || type == Double.class) {
        return Double.longBitsToDouble(in.readLong());
      } else if (type == float.class || type == Float.class) {
        return Float.intBitsToFloat(in.readInt());
      }
      throw new IllegalArgumentException("a digest cannot hold " + type);
    }
  }
}
