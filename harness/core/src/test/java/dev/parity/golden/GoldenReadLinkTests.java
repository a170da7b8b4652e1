package dev.parity.golden;

import static dev.parity.testing.Observations.command;
import static dev.parity.testing.Observations.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Goldens, accepted differences and pending results are never read through a symbolic link below
 * their folder, as they are never written through one: a linked case folder, stream or output file
 * could hold the candidate's own output, and verify would pass it against itself.
 */
class GoldenReadLinkTests {
  private static final Observation LEGACY =
      command(0, "legacy\n", "", Map.of("out/r.txt", utf8("legacy row\n")));
  private static final Observation CANDIDATE =
      command(0, "candidate\n", "", Map.of("out/r.txt", utf8("candidate row\n")));
  private static final AcceptedDifference ACCEPTED =
      new AcceptedDifference(
          "new rows",
          Optional.empty(),
          Optional.empty(),
          "ana",
          Instant.parse("2026-11-30T12:00:00Z"));

  @TempDir Path root;

  @Test
  void aCaseFolderLinkedToTheCandidatesPendingResultIsRefusedNotPassed() throws Exception {
    Path golden = root.resolve("golden");
    GoldenStore store = new GoldenStore(golden);
    store.write("a", LEGACY, false);
    PendingStore pending = new PendingStore(root.resolve("reports"));
    pending.write(
        "a",
        Side.CANDIDATE,
        CANDIDATE,
        PendingInfo.of("s", PendingInfo.Source.VERIFY, "verify", Instant.EPOCH));
    Path candidateFolder = pending.folder().resolve("a/candidate");
    CaseSwap.deleteTree(golden.resolve("a"));
    Files.createSymbolicLink(golden.resolve("a"), candidateFolder);

    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOfSatisfying(
            GoldenException.class, e -> assertThat(e.stopsTheRun()).as("stops the run").isTrue())
        .hasMessage(
            golden.resolve("a")
                + ": is a symbolic link (to "
                + candidateFolder
                + "); parity never reads a golden, an accepted difference or a pending result"
                + " through a link, which could compare the candidate with another output, even"
                + " its own; replace it with a real folder or file (e.g. `rm` the link and run"
                + " again)");
  }

  /** Every entry of a golden with an accepted difference, relative to the golden folder. */
  static Stream<String> entries() {
    return Stream.of(
        "a",
        "a/meta.yaml",
        "a/stdout",
        "a/stderr",
        "a/files",
        "a/files/out",
        "a/files/out/r.txt",
        "a/accepted",
        "a/accepted/accepted.yaml",
        "a/accepted/meta.yaml",
        "a/accepted/stdout",
        "a/accepted/files/out/r.txt");
  }

  @ParameterizedTest
  @MethodSource("entries")
  void anyEntryOfAGoldenThatIsALinkToAnIdenticalCopyIsRefused(String entry) throws Exception {
    Path golden = root.resolve("golden");
    GoldenStore store = new GoldenStore(golden);
    store.write("a", LEGACY, false);
    store.accept("a", CANDIDATE, ACCEPTED);
    Path link = golden.resolve(entry);
    Path copy = root.resolve("copy").resolve(entry);
    Files.createDirectories(copy.getParent());
    Files.move(link, copy);
    Files.createSymbolicLink(link, copy);

    assertThatThrownBy(
            () -> {
              store.read("a");
              store.accepted("a");
            })
        .isInstanceOfSatisfying(GoldenException.class, e -> assertThat(e.stopsTheRun()).isTrue())
        .hasMessageStartingWith(link + ": is a symbolic link (to " + copy + ")");
  }

  @Test
  void aLinkAboveANestedCaseIsRefused() throws Exception {
    Path golden = root.resolve("golden");
    new GoldenStore(root.resolve("elsewhere")).write("x/a", LEGACY, false);
    Files.createDirectories(golden);
    Files.createSymbolicLink(golden.resolve("x"), root.resolve("elsewhere/x"));

    assertThatThrownBy(() -> new GoldenStore(golden).read("x/a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageStartingWith(golden.resolve("x") + ": is a symbolic link");
  }

  @Test
  void aDanglingLinkedCaseFolderIsRefusedRatherThanMissing() throws Exception {
    Path golden = Files.createDirectories(root.resolve("golden"));
    Files.createSymbolicLink(golden.resolve("a"), root.resolve("nowhere"));

    assertThatThrownBy(() -> new GoldenStore(golden).read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageStartingWith(golden.resolve("a") + ": is a symbolic link");
  }

  @Test
  void aLinkedGoldenFolderItselfIsReadAsWritten() throws Exception {
    Path elsewhere = root.resolve("disk/golden");
    new GoldenStore(elsewhere).write("a", LEGACY, false);
    new GoldenStore(elsewhere).accept("a", CANDIDATE, ACCEPTED);
    Path golden = Files.createSymbolicLink(root.resolve("golden"), elsewhere);

    GoldenStore store = new GoldenStore(golden);

    assertThat(store.read("a").orElseThrow().sameContentAs(LEGACY)).isTrue();
    assertThat(store.accepted("a").orElseThrow().observation().sameContentAs(CANDIDATE)).isTrue();
  }

  @Test
  void aLinkedSideOfAPendingResultIsRefused() throws Exception {
    PendingStore pending = new PendingStore(root.resolve("reports"));
    PendingInfo info = PendingInfo.of("s", PendingInfo.Source.VERIFY, "verify", Instant.EPOCH);
    pending.write("a", Side.CANDIDATE, CANDIDATE, info);
    Path side = pending.folder().resolve("a/candidate");
    Path copy = root.resolve("copy");
    Files.move(side, copy);
    Files.createSymbolicLink(side, copy);

    assertThatThrownBy(() -> pending.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageStartingWith(side + ": is a symbolic link (to " + copy + ")");
  }
}
