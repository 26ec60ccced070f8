package io.cexsafe.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks that a shaded jar holds every class of the jars (or class directories) it is meant to
 * bundle. {@code module-info} and multi-release copies under {@code META-INF/versions/} are not
 * required: the shade configuration drops the former and the base class covers the latter.
 */
final class ShadedJarContents {
  /** The file each module's build writes with its runtime classpath (see the parent pom). */
  static final String CLASSPATH_FILE = "runtime-classpath.txt";

  private ShadedJarContents() {}

  /** Entries {@code "<jar or directory>: <class>"} of the classpath missing from the shaded jar. */
  static List<String> missingClasses(Path shadedJar, Collection<Path> classpath) {
    Set<String> shaded = entries(shadedJar);
    List<String> missing = new ArrayList<>();
    for (Path element : classpath) {
      for (String name : requiredClasses(element)) {
        if (!shaded.contains(name)) {
          missing.add(element.getFileName() + ": " + name);
        }
      }
    }
    return missing;
  }

  /** Missing classes by jar: how many, and the first one, so that a failure reads in one screen. */
  static Map<String, String> byJar(List<String> missing) {
    Map<String, List<String>> grouped = new TreeMap<>();
    for (String entry : missing) {
      int colon = entry.indexOf(": ");
      grouped
          .computeIfAbsent(entry.substring(0, colon), k -> new ArrayList<>())
          .add(entry.substring(colon + 2));
    }
    Map<String, String> summary = new TreeMap<>();
    grouped.forEach(
        (jar, classes) -> summary.put(jar, classes.size() + " missing, e.g. " + classes.get(0)));
    return summary;
  }

  /**
   * The runtime classpath of a module plus, for every element that is itself a module of this build
   * (a jar or class directory inside a {@code target} folder holding its own {@link
   * #CLASSPATH_FILE}), that module's runtime classpath, transitively: what each bundled module
   * needs at run time, whatever the bundling module's own dependency declarations say.
   */
  static Set<Path> runtimeClosure(Path classpathFile) {
    Set<Path> closure = new LinkedHashSet<>();
    Set<Path> seenFiles = new HashSet<>();
    List<Path> pending = new ArrayList<>(List.of(classpathFile));
    while (!pending.isEmpty()) {
      Path file = pending.remove(pending.size() - 1).toAbsolutePath().normalize();
      if (!seenFiles.add(file)) {
        continue;
      }
      for (Path element : readClasspath(file)) {
        Path parent = element.getParent();
        if (closure.add(element)
            && parent != null
            && parent.getFileName() != null
            && parent.getFileName().toString().equals("target")) {
          Path moduleFile = parent.resolve(CLASSPATH_FILE);
          if (Files.isRegularFile(moduleFile)) {
            pending.add(moduleFile);
          }
        }
      }
    }
    return closure;
  }

  static List<Path> readClasspath(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return List.of();
      }
      return Arrays.stream(text.split(java.io.File.pathSeparator))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .map(Path::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> requiredClasses(Path element) {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(element)) {
      try (Stream<Path> files = Files.walk(element)) {
        files
            .filter(Files::isRegularFile)
            .map(f -> element.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
            .filter(ShadedJarContents::required)
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return names;
    }
    return entries(element).stream().filter(ShadedJarContents::required).sorted().toList();
  }

  private static boolean required(String name) {
    return name.endsWith(".class")
        && !name.startsWith("META-INF/versions/")
        && !name.equals("module-info.class");
  }

  private static Set<String> entries(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Set<String> names = new HashSet<>();
      zip.stream().map(ZipEntry::getName).forEach(names::add);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(jar + ": " + e.getMessage(), e);
    }
  }
}
