package dev.parity.golden;

import static dev.parity.testing.Observations.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenPruneTests {
  @TempDir Path root;

  @Test
  void deletesOrphanGoldensWithTheirAcceptedDifferenceButKeepsNestedCases() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a", command(0, "a\n", ""), false);
    store.write("a/b", command(0, "b\n", ""), false);
    store.write("c/d", command(0, "d\n", ""), false);
    store.accept("a", command(0, "x\n", ""), AcceptedDifference.of("r", "ana", Instant.EPOCH));

    store.prune(store.orphans(List.of("a/b")).ids());

    assertThat(store.caseIds()).containsExactly("a/b");
    assertThat(root.resolve("a"))
        .isDirectoryContaining(p -> p.getFileName().toString().equals("b"));
    assertThat(root.resolve("a/accepted")).doesNotExist();
    assertThat(root.resolve("a/stdout")).doesNotExist();
    assertThat(root.resolve("c")).as("emptied folders removed").doesNotExist();
    assertThat(Files.exists(root.resolve(GoldenLock.FILE))).as("lock released").isFalse();
  }

  @Test
  void refusesACaseWithoutGoldenAndDeletesNothing() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a", command(0, "a\n", ""), false);

    assertThatThrownBy(() -> store.prune(List.of("a", "zzz")))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining(root.resolve("zzz") + ": has no golden to prune");
    assertThat(store.caseIds()).containsExactly("a");
  }

  @Test
  void refusesALinkOnTheWay() throws Exception {
    Path golden = root.resolve("golden");
    GoldenStore store = new GoldenStore(golden);
    store.write("x/a", command(0, "a\n", ""), false);
    Path outside = Files.createDirectories(root.resolve("outside"));
    store.write("o/b", command(0, "b\n", ""), false);
    Files.move(golden.resolve("o/b"), outside.resolve("b"));
    Files.delete(golden.resolve("o"));
    Files.createSymbolicLink(golden.resolve("o"), outside);

    assertThatThrownBy(() -> store.prune(List.of("x/a"))).isInstanceOf(GoldenException.class);
    assertThat(outside.resolve("b/stdout")).exists();
  }
}
