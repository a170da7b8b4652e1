package dev.parity.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.Observations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphansTests {
  @TempDir Path dir;

  @Test
  void goldensWhoseCaseIsNotInTheSuiteAreOrphans() throws IOException {
    GoldenStore store = new GoldenStore(dir);
    for (String id : List.of("a", "old/b", "old/c")) {
      store.write(id, Observations.command(0, id, ""), false);
    }

    Orphans orphans = store.orphans(List.of("a", "new/d"));

    assertThat(orphans.ids()).containsExactly("old/b", "old/c");
    assertThat(orphans.reason())
        .contains(
            "2 goldens have no case in the suite any more (deleted or renamed?): old/b, old/c;"
                + " delete their folders under "
                + dir
                + " or restore the case");
  }

  @Test
  void namesTheFirstFiveAndCountsTheRest() {
    Orphans orphans = new Orphans(dir, List.of("a", "b", "c", "d", "e", "f", "g"));

    assertThat(orphans.reason())
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("7 goldens have", ": a, b, c, d, e and 2 more;"));
  }

  @Test
  void noOrphanNoReason() throws IOException {
    assertThat(new GoldenStore(dir).orphans(List.of("a")).reason()).isEmpty();
  }
}
