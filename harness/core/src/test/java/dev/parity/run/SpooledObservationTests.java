package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Observations whose streams are spool files compare without reading a file against itself. */
class SpooledObservationTests {
  @TempDir Path temp;

  private Observation spooled(Path file) throws Exception {
    TreeMap<String, Spooled> spooled = new TreeMap<>();
    spooled.put(Observation.STDOUT, new Spooled(file, Files.size(file)));
    return Observation.ofCommand(0, Optional.empty(), new TreeMap<>(), spooled, Duration.ZERO);
  }

  @Test
  void aSpoolFileIsTheSameAsItselfWithoutBeingRead() throws Exception {
    Path file = Files.writeString(temp.resolve("out"), "a large output\n");
    Observation raw = spooled(file);
    Observation compared = raw.withStreams(new TreeMap<>());
    Observation other = spooled(Files.writeString(temp.resolve("other"), "a large output\n"));
    // A gigabyte read twice to learn that a file equals itself: unreadable here, so it must not be.
    Files.move(file, temp.resolve("gone"));

    assertThat(raw.sameContentAs(compared)).isTrue();
    assertThatThrownBy(() -> raw.sameContentAs(other)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void twoSpoolFilesAreComparedOnceWhoeverAsks() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("case"));
    Observation legacy = spooled(Files.writeString(folder.resolve("legacy"), "a\nlarge\nx\n"));
    Observation candidate =
        spooled(Files.writeString(folder.resolve("candidate"), "a\nlarge\ny\n"));

    // The archive asks first whether the sides are the same, then the comparator where they differ:
    // the second answer must not read the (gigabyte) files again, so here they are gone by then.
    assertThat(legacy.sameContentAs(candidate)).isFalse();
    Files.delete(folder.resolve("legacy"));
    Files.delete(folder.resolve("candidate"));

    assertThat(candidate.mismatch(Observation.STDOUT, legacy))
        .contains(new StreamBytes.Mismatch(8, 2));
    assertThat(legacy.sameContentAs(candidate)).isFalse();
  }

  @Test
  void aReleasedCaseForgetsItsComparisons() throws Exception {
    Path first = Spool.newFile("forgotten-case", Observation.STDOUT);
    Path second = Spool.newFile("forgotten-case", Observation.STDERR);
    Files.writeString(first, "same\n");
    Files.writeString(second, "same\n");
    Observation legacy = spooled(first);
    Observation candidate = spooled(second);
    assertThat(legacy.sameContentAs(candidate)).isTrue();

    Spool.release("forgotten-case");

    // Its files are gone with the case: no remembered answer outlives them.
    assertThatThrownBy(() -> legacy.sameContentAs(candidate))
        .isInstanceOf(UncheckedIOException.class);
  }
}
