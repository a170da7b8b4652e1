package dev.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The main code is compiled with {@code -XDstringConcat=inline} (root pom): string concatenation as
 * {@code StringBuilder} calls, the same strings, instead of {@code invokedynamic} sites whose
 * bootstrap spins method handle classes at each site's first run, which JDK 17's class data sharing
 * archive does not keep (issue 13, docs/benchmarks.md, eighth pass: a 1-case verify spun 84 such
 * classes, 30 with the flag). This fails if the flag is lost.
 */
class StringConcatTests {
  private static final byte[] BOOTSTRAP =
      "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);

  @Test
  void noMainClassConcatenatesThroughInvokedynamic() throws Exception {
    Path location =
        Path.of(Engine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classes;
    List<String> withIndy;
    try (FileSystem jar =
        Files.isDirectory(location)
            ? null
            : FileSystems.newFileSystem(location, (ClassLoader) null)) {
      Path root = jar == null ? location : jar.getPath("/");
      try (Stream<Path> walk = Files.walk(root)) {
        classes =
            walk.filter(p -> p.toString().endsWith(".class"))
                .map(p -> root.relativize(p).toString())
                .collect(Collectors.toList());
      }
      withIndy =
          classes.stream()
              .filter(name -> contains(read(root.resolve(name)), BOOTSTRAP))
              .collect(Collectors.toList());
    }

    assertThat(classes).hasSizeGreaterThan(100).contains("dev/parity/engine/Engine.class");
    assertThat(new TreeSet<>(withIndy))
        .as("classes with invokedynamic string concatenation")
        .isEmpty();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
