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
}
