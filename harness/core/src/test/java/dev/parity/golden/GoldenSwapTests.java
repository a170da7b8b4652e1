package dev.parity.golden;

import static dev.parity.testing.Observations.command;
import static dev.parity.testing.Observations.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.run.Observation;
import dev.parity.testing.Umask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's golden is replaced as a whole, and whatever a crash left at any point of a swap is made
 * entirely old or entirely new by the next lock. The crash states are built by hand here; the real
 * kill -9 test is GoldenCrashIT in harness/cli.
 */
class GoldenSwapTests {
  @TempDir Path folder;

  private static final Observation OLD = command(0, "old\n", "old err\n", files("old"));
  private static final Observation NEW = command(1, "new\n", "new err\n", files("new"));

  private static Map<String, byte[]> files(String content) {
    return Map.of("out/r.txt", utf8(content));
  }

  @Test
  void anUpdateReplacesTheWholeCaseFolderAndKeepsTheGoldensOfNestedCases() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", OLD, false);
    store.write("a/b", OLD, false);
    store.write("a/b/c", OLD, false);

    assertThat(store.write("a", command(0, "new\n", ""), true))
        .isEqualTo(GoldenStore.WriteResult.UPDATED);

    assertThat(store.read("a").orElseThrow().sameContentAs(command(0, "new\n", ""))).isTrue();
    assertThat(folder.resolve("a/files")).as("stale stream folder").doesNotExist();
    assertThat(store.read("a/b").orElseThrow().sameContentAs(OLD)).isTrue();
    assertThat(store.read("a/b/c").orElseThrow().sameContentAs(OLD)).isTrue();
    assertThat(store.caseIds()).containsExactly("a", "a/b", "a/b/c");
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void aSwapInterruptedAfterTheOldFolderMovedAwayIsCompletedWithItsNestedCases() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", OLD, false);
    store.write("a/b", OLD, false);
    // Crash state: new folder complete, old folder moved aside (still holding case a/b).
    writeComplete(folder.resolve(".a.new-4242"), NEW);
    Files.move(folder.resolve("a"), folder.resolve(".a.old-4242"));

    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("the golden is incomplete");
    assertThatThrownBy(() -> store.read("a/b"))
        .as("a nested case reads as incomplete too, never as missing or passing")
        .isInstanceOf(GoldenException.class);

    store.lock().close();

    assertThat(store.read("a").orElseThrow().sameContentAs(NEW)).isTrue();
    assertThat(store.read("a/b").orElseThrow().sameContentAs(OLD)).isTrue();
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void aSwapInterruptedBeforeTheNewFolderWasCompleteIsUndone() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", OLD, false);
    store.write("a/b", OLD, false);
    Path fresh = folder.resolve(".a.new-4242");
    Files.createDirectories(fresh.resolve("files/out"));
    Files.writeString(fresh.resolve("stdout"), "new\n"); // no meta.yaml yet
    Files.move(folder.resolve("a"), folder.resolve(".a.old-4242"));

    store.lock().close();

    assertThat(store.read("a").orElseThrow().sameContentAs(OLD)).isTrue();
    assertThat(store.read("a/b").orElseThrow().sameContentAs(OLD)).isTrue();
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void leftoversBesideAnIntactGoldenAreDeleted() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("x/a", OLD, false);
    writeComplete(folder.resolve("x/.a.new-4242"), NEW); // crashed before the old moved
    writeComplete(folder.resolve("x/.a.old-4343"), NEW); // crashed before the old was deleted
    Files.writeString(folder.resolve("x/a/.stdout.8391274.tmp"), "older versions' temp file");
    Files.writeString(folder.resolve("x/a/files/out/.r.txt.123456.tmp"), "temp file");

    store.lock().close();

    assertThat(store.read("x/a").orElseThrow().sameContentAs(OLD)).isTrue();
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void anOutputFileThatLooksLikeATemporaryFileButIsListedIsKept() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    Observation dotted = command(0, "", "", Map.of(".cache.123.tmp", utf8("real output")));
    store.write("a", dotted, false);

    store.lock().close();

    assertThat(store.read("a").orElseThrow().sameContentAs(dotted)).isTrue();
  }

  @Test
  void goldenFilesAndFoldersGetTheUmasksPermissions() throws Exception {
    Umask.requireGroupAndOthersMayRead();
    new GoldenStore(folder).write("a/b", NEW, false);

    try (Stream<Path> paths = Files.walk(folder.resolve("a"))) {
      for (Path path : paths.toList()) {
        assertThat(Files.getPosixFilePermissions(path))
            .as(path.toString())
            .contains(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
      }
    }
  }

  /** A golden folder as a record writes it before swapping it in: complete with meta.yaml. */
  private static void writeComplete(Path fresh, Observation observation) throws IOException {
    Files.createDirectories(fresh);
    GoldenFiles.fill(fresh, fresh.getFileName().toString().split("\\.")[1], observation);
  }

  @Test
  void aCaseFolderThatCannotBeMovedKeepsTheOldGoldenAndLeavesNoNewCopyBesideIt() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", OLD, false);
    Path a = folder.resolve("a");
    // Root ignores permissions; the immutable flag makes the rename fail for it too.
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "needs root to set the immutable flag");
    Assumptions.assumeTrue(
        new ProcessBuilder("chattr", "+i", a.toString()).start().waitFor() == 0,
        "chattr +i is not possible here");
    try {
      assertThatThrownBy(() -> store.write("a", NEW, true))
          .isInstanceOf(GoldenException.class)
          .hasMessageContaining("permission denied");

      assertThat(store.read("a").orElseThrow().sameContentAs(OLD)).isTrue();
      assertThat(hiddenEntries()).as("no .a.new-<pid> left to be committed").isEmpty();
    } finally {
      new ProcessBuilder("chattr", "-i", a.toString()).start().waitFor();
    }
  }

  private List<Path> hiddenEntries() throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }
}
