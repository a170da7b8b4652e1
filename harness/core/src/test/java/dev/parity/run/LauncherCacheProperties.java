package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The launcher's cached copy: whatever a cache folder holds under the launcher's name, the path
 * {@link Launcher#extract} returns holds exactly the launcher's bytes, as a private regular file.
 * The model is the plain rule "the file at the returned path equals the bytes asked for"; a copy
 * that is reused must be byte-identical, anything else (other bytes of any length, the same length
 * with one byte changed, a symbolic link to the right bytes) is replaced.
 */
class LauncherCacheProperties {
  private Path root;

  @BeforeProperty
  void makeRoot() throws IOException {
    root = Files.createTempDirectory("launcher-cache");
  }

  @AfterProperty
  void removeRoot() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 200)
  void theReturnedCopyHoldsExactlyTheLaunchersBytes(
      @ForAll("launchers") byte[] launcher, @ForAll("stale") Stale stale) throws IOException {
    Path folder = Files.createTempDirectory(root, "cache");
    Path first = Launcher.extract(launcher, List.of(folder));
    stale.apply(first, launcher, root);

    Path again = Launcher.extract(launcher, List.of(folder));

    assertThat(again).isEqualTo(first);
    assertThat(Files.isRegularFile(again, LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readAllBytes(again)).isEqualTo(launcher);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(again, LinkOption.NOFOLLOW_LINKS)))
        .isEqualTo("rwx------");
  }

  @Property(tries = 50)
  void anIdenticalCopyIsReusedNotRewritten(@ForAll("launchers") byte[] launcher)
      throws IOException {
    Path folder = Files.createTempDirectory(root, "cache");
    Path first = Launcher.extract(launcher, List.of(folder));
    Object key = Files.readAttributes(first, "unix:ino", LinkOption.NOFOLLOW_LINKS);

    Path again = Launcher.extract(launcher, List.of(folder));

    assertThat(Files.readAttributes(again, "unix:ino", LinkOption.NOFOLLOW_LINKS)).isEqualTo(key);
  }

  @Provide
  Arbitrary<byte[]> launchers() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
  }

  @Provide
  Arbitrary<Stale> stale() {
    return Arbitraries.of(Stale.Kind.values())
        .flatMap(
            kind ->
                Arbitraries.bytes()
                    .array(byte[].class)
                    .ofMaxSize(300)
                    .flatMap(
                        other ->
                            Arbitraries.integers()
                                .between(0, 299)
                                .map(at -> new Stale(kind, other, at))));
  }

  /** What someone or something left at the launcher's cached path. */
  record Stale(Kind kind, byte[] other, int at) {
    enum Kind {
      NOTHING,
      OTHER_BYTES,
      ONE_BYTE_CHANGED,
      SYMLINK_TO_THE_SAME_BYTES,
      REMOVED
    }

    void apply(Path cached, byte[] launcher, Path root) throws IOException {
      switch (kind) {
        case NOTHING -> {}
        case OTHER_BYTES -> Files.write(cached, other);
        case ONE_BYTE_CHANGED -> {
          byte[] changed = Arrays.copyOf(launcher, launcher.length);
          changed[at % changed.length] ^= (byte) (1 + (at & 0x7f));
          Files.write(cached, changed);
        }
        case SYMLINK_TO_THE_SAME_BYTES -> {
          Path elsewhere = Files.createTempFile(root, "elsewhere", "");
          Files.write(elsewhere, launcher);
          Files.delete(cached);
          Files.createSymbolicLink(cached, elsewhere);
        }
        case REMOVED -> Files.delete(cached);
      }
    }
  }
}
