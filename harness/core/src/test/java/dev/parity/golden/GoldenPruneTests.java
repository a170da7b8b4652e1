package dev.parity.golden;

import static dev.parity.testing.Observations.command;
import static dev.parity.testing.Observations.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.run.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  @Test
  void keepsTheGoldenOfALiveCaseThatIsTheFilesFolderOfAnOrphan() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a", command(0, "a\n", ""), false);
    store.write("a/files", command(0, "f\n", ""), false);
    List<String> orphans = store.orphans(List.of("a/files")).ids();
    assertThat(orphans).containsExactly("a");

    store.prune(orphans);

    assertThat(store.caseIds()).containsExactly("a/files");
    assertThat(root.resolve("a/files/stdout")).hasContent("f");
    assertThat(root.resolve("a/stdout")).doesNotExist();
  }

  @Test
  void recordingACaseNeverDeletesTheOrphanGoldenInItsFilesFolder() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a/files", command(0, "f\n", ""), false);
    Observation a = command(0, "a\n", "", Map.of("r.txt", utf8("r")));

    assertThatThrownBy(() -> store.write("a", a, false))
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            root.resolve("a/files")
                + ": holds the golden of case [a/files], which is no case of the suite any more;"
                + " replacing the golden of case [a] would delete it; delete it with `parity"
                + " prune` (or move it away), then record again");
    assertThat(root.resolve("a/files/stdout")).hasContent("f");

    store.prune(store.orphans(List.of("a")).ids());
    assertThat(store.write("a", a, false)).isEqualTo(GoldenStore.WriteResult.CREATED);
    assertThat(store.caseIds()).containsExactly("a");
  }

  @Test
  void recordingACaseNeverDeletesTheOrphanGoldenInAFolderNamedLikeOneOfItsFiles() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a/stdout", command(0, "s\n", ""), false);
    store.write("a/meta.yaml", command(0, "m\n", ""), false);

    assertThatThrownBy(() -> store.write("a", command(0, "a\n", ""), false))
        .isInstanceOf(GoldenException.class)
        .hasMessageEndingWith(
            ", which is no case of the suite any more; replacing the golden of case [a] would"
                + " delete it; delete it with `parity prune` (or move it away), then record again");
    assertThat(store.caseIds()).containsExactly("a/meta.yaml", "a/stdout");
    assertThat(root.resolve("a/stdout/stdout")).hasContent("s");
    assertThat(root.resolve("a/meta.yaml/stdout")).hasContent("m");
  }
}
