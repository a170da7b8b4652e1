package dev.parity.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the jar the daemon runs from is still the one it started with. A rebuilt jar is another
 * context (clients start a new daemon), so a daemon whose jar changed can only idle: it ends at
 * once instead of holding its memory until its idle time is over.
 */
final class JarWatch {
  private final Optional<Path> jar;
  private final List<Object> started;

  private JarWatch(Optional<Path> jar) {
    this.jar = jar;
    this.started = jar.map(JarWatch::identity).orElse(List.of());
  }

  /** Watches this JVM's class path when it is a single file (the daemon's {@code -cp JAR}). */
  static JarWatch ofClassPath() {
    String classPath = System.getProperty("java.class.path", "");
    Path path = Path.of(classPath);
    return new JarWatch(
        classPath.isEmpty()
                || classPath.contains(java.io.File.pathSeparator)
                || !Files.isRegularFile(path)
            ? Optional.empty()
            : Optional.of(path));
  }

  /** Whether the jar was replaced, changed or removed since this watch began. */
  boolean changed() {
    return jar.isPresent() && !identity(jar.get()).equals(started);
  }

  private static List<Object> identity(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(
          Objects.requireNonNullElse(attributes.fileKey(), ""),
          attributes.size(),
          attributes.lastModifiedTime());
    } catch (IOException gone) {
      return List.of("gone");
    }
  }
}
