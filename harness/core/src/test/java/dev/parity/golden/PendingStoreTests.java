package dev.parity.golden;

import static dev.parity.testing.Observations.command;
import static dev.parity.testing.Observations.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingStoreTests {
  private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");
  private static final PendingInfo RECORD =
      PendingInfo.of("demo", PendingInfo.Source.RECORD, "record", AT);
  private static final PendingInfo VERIFY =
      PendingInfo.of("demo", PendingInfo.Source.VERIFY, "verify", AT).withCluster("c3");

  @TempDir Path out;

  @Test
  void storesASideInGoldenFormatWithPendingYamlAndReadsItBack() throws Exception {
    PendingStore store = new PendingStore(out);
    Observation legacy = command(2, "new\n", "warn\n", Map.of("r.csv", utf8("a,b\n")));

    store.write("users/get-42", Side.LEGACY, legacy, RECORD);

    Path dir = out.resolve("pending/users/get-42");
    assertThat(dir.resolve("legacy/stdout")).hasContent("new");
    assertThat(dir.resolve("legacy/files/r.csv")).hasContent("a,b");
    assertThat(dir.resolve("legacy/meta.yaml")).content().contains("id: users/get-42", "sha256:");
    assertThat(dir.resolve("pending.yaml"))
        .content()
        .contains(
            "case: users/get-42",
            "suite: demo",
            "source: record",
            "mode: record",
            "at: 2026-11-30T12:00:00Z")
        .doesNotContain("cluster");
    // Golden format: a pending legacy result can be moved into golden/ as is.
    assertThat(GoldenFiles.read(dir.resolve("legacy"), "users/get-42").sameContentAs(legacy))
        .isTrue();

    PendingResult read = store.read("users/get-42").orElseThrow();
    assertThat(read.caseId()).isEqualTo("users/get-42");
    assertThat(read.info()).isEqualTo(RECORD);
    assertThat(read.legacy().orElseThrow().sameContentAs(legacy)).isTrue();
    assertThat(read.candidate()).isEmpty();
    assertThat(read.folder(Side.LEGACY)).isEqualTo(dir.resolve("legacy"));
    assertThat(store.list()).extracting(PendingResult::caseId).containsExactly("users/get-42");
  }

  @Test
  void droppingWhereNoPendingFolderExistsFindsNothingAndCreatesNothing() throws Exception {
    PendingStore store = new PendingStore(out);

    assertThat(store.drop("a", Side.CANDIDATE)).isFalse();
    assertThat(store.drop("a/b", Side.LEGACY)).isFalse();
    assertThat(out.resolve("pending")).doesNotExist();

    // Once there is a pending folder, a case's result is found and dropped again.
    store.write("a", Side.CANDIDATE, command(1, "candidate\n", ""), VERIFY);
    assertThat(store.drop("a", Side.CANDIDATE)).isTrue();
    assertThat(store.read("a")).isEmpty();
  }

  @Test
  void droppingOneSideKeepsTheOtherWithItsSource() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write("a", Side.LEGACY, command(0, "legacy\n", ""), RECORD);
    store.write("a", Side.CANDIDATE, command(1, "candidate\n", ""), VERIFY);
    store.write("a/b", Side.CANDIDATE, command(1, "nested\n", ""), VERIFY);

    assertThat(store.drop("a", Side.CANDIDATE)).isTrue();

    PendingResult a = store.read("a").orElseThrow();
    assertThat(a.candidate()).isEmpty();
    assertThat(a.legacy().orElseThrow().stream("stdout")).contains(utf8("legacy\n"));
    assertThat(a.source()).isEqualTo(PendingInfo.Source.RECORD);
    assertThat(a.info().cluster()).as("the cluster was the verify's").isEmpty();
    assertThat(store.drop("a", Side.CANDIDATE)).isFalse();
    assertThat(store.drop("a", Side.LEGACY)).isTrue();
    assertThat(store.list()).extracting(PendingResult::caseId).containsExactly("a/b");
  }

  @Test
  void aClusterIsNotedInPendingYaml() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write("a", Side.CANDIDATE, command(1, "candidate\n", ""), VERIFY);

    assertThat(store.cluster("a", "c2")).isTrue();
    assertThat(store.cluster("nope", "c2")).isFalse();

    assertThat(store.read("a").orElseThrow().cluster(Side.CANDIDATE)).contains("c2");
    assertThat(store.read("a").orElseThrow().cluster(Side.LEGACY)).isEmpty();
  }

  @Test
  void aClusterIsNotedWithoutReadingTheStreamsWhichAreCheckedWhenRead() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write("a", Side.CANDIDATE, command(1, "candidate\n", ""), VERIFY);
    Files.writeString(out.resolve("pending/a/candidate/stdout"), "edited\n");

    assertThat(store.cluster("a", "c2")).isTrue();

    assertThat(out.resolve("pending/a/pending.yaml")).content().contains("cluster: c2");
    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("does not match the checksum");
  }

  @Test
  void aNewResultReplacesItsOwnSideButKeepsTheOtherSideAndNestedCases() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write("a", Side.LEGACY, command(0, "legacy\n", ""), RECORD);
    store.write("a", Side.CANDIDATE, command(1, "first\n", ""), VERIFY);
    store.write("a/b", Side.CANDIDATE, command(1, "nested\n", ""), VERIFY);

    store.write("a", Side.CANDIDATE, command(1, "candidate\n", ""), VERIFY);

    PendingResult a = store.read("a").orElseThrow();
    // A verify replaces only the candidate side: what record stored stays to be reviewed.
    assertThat(a.legacy().orElseThrow().stream("stdout")).contains(utf8("legacy\n"));
    assertThat(a.candidate().orElseThrow().stream("stdout")).contains(utf8("candidate\n"));
    assertThat(a.info().cluster()).contains("c3");
    assertThat(store.list()).extracting(PendingResult::caseId).containsExactly("a", "a/b");
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith(".")))
          .as("no swap folders or temporary files left")
          .isEmpty();
    }
  }

  @Test
  void aFailedWriteKeepsTheOldPendingResult() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write("a", Side.LEGACY, command(0, "old\n", ""), RECORD);
    TreeMap<String, byte[]> streams = new TreeMap<>();
    streams.put("stdout", utf8("new\n"));
    streams.put("../escape", utf8("x"));
    Observation unstorable = new Observation(new TreeMap<>(), streams, Duration.ZERO);

    assertThatThrownBy(() -> store.write("a", Side.CANDIDATE, unstorable, VERIFY))
        .isInstanceOf(IllegalArgumentException.class);

    PendingResult a = store.read("a").orElseThrow();
    assertThat(a.legacy().orElseThrow().stream("stdout")).contains(utf8("old\n"));
    assertThat(a.candidate()).isEmpty();
    assertThat(out.resolve("pending"))
        .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
  }

  @Test
  void anInterruptedSwapIsCompletedBeforeTheNextWrite() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write("a", Side.LEGACY, command(0, "old\n", ""), RECORD);
    Path pending = out.resolve("pending");
    // A crash after the old folder moved away, before the complete new one moved in.
    Files.move(pending.resolve("a"), pending.resolve(".a.old-999999"));

    store.write("b", Side.LEGACY, command(0, "b\n", ""), RECORD);
    store.write("a", Side.CANDIDATE, command(1, "new\n", ""), VERIFY);

    assertThat(store.read("a").orElseThrow().candidate()).isPresent();
    assertThat(pending).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
  }

  @Test
  void refusesToWriteThroughASymbolicLinkAndTouchesNothingOutside() throws Exception {
    Path outside = Files.createDirectories(out.resolve("outside"));
    Files.createDirectories(out.resolve("pending"));
    Files.createSymbolicLink(out.resolve("pending/a"), outside);
    PendingStore store = new PendingStore(out);

    assertThatThrownBy(() -> store.write("a/b", Side.LEGACY, command(0, "x", ""), RECORD))
        .isInstanceOf(GoldenException.class)
        .hasMessageStartingWith(out.resolve("pending/a") + ": is a symbolic link");
    assertThatThrownBy(() -> store.write("a", Side.LEGACY, command(0, "x", ""), RECORD))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("symbolic link");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void dropsOneCaseKeepingNestedOnesAndDropsByFilter() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write("a", Side.LEGACY, command(0, "a\n", ""), RECORD);
    store.write("a/b", Side.CANDIDATE, command(1, "b\n", ""), VERIFY);
    store.write("c/d", Side.CANDIDATE, command(1, "d\n", ""), VERIFY);

    assertThat(store.drop("a")).isTrue();
    assertThat(store.drop("a")).as("nothing left to drop").isFalse();
    assertThat(store.list()).extracting(PendingResult::caseId).containsExactly("a/b", "c/d");
    assertThat(out.resolve("pending/a/legacy")).doesNotExist();

    assertThat(store.dropAll(id -> id.startsWith("c/"))).containsExactly("c/d");
    assertThat(out.resolve("pending/c")).as("empty folders removed").doesNotExist();
    assertThat(store.list()).extracting(PendingResult::caseId).containsExactly("a/b");
  }

  @Test
  void anOutputFileNamedPendingYamlIsNoCase() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write(
        "a", Side.CANDIDATE, command(1, "", "", Map.of("pending.yaml", utf8("x: 1\n"))), VERIFY);

    assertThat(store.list()).extracting(PendingResult::caseId).containsExactly("a");
  }

  @Test
  void readsNothingWithoutAPendingFolder() throws IOException {
    PendingStore store = new PendingStore(out.resolve("never"));
    assertThat(store.list()).isEmpty();
    assertThat(store.read("a")).isEmpty();
    assertThat(store.drop("a")).isFalse();
  }

  @Test
  void aDamagedPendingYamlSaysHowToFixIt() throws Exception {
    PendingStore store = new PendingStore(out);
    store.write("a", Side.LEGACY, command(0, "a\n", ""), RECORD);
    Files.writeString(out.resolve("pending/a/pending.yaml"), "case: a\nsource: later\n");

    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining(out.resolve("pending/a/pending.yaml").toString())
        .hasMessageContaining("parity reject");
  }

  @Test
  void oneStoreAtATimeChangesThePendingResultsAndItsOwnLocksNest() throws Exception {
    PendingStore first = new PendingStore(out);
    PendingStore second = new PendingStore(out);
    Path lockFile = out.resolve("pending").resolve(GoldenLock.FILE);
    try (GoldenStore.Lock held = first.lock();
        GoldenStore.Lock nested = first.lock()) {
      first.write("a", Side.LEGACY, command(0, "a", ""), RECORD);

      assertThatThrownBy(() -> second.write("b", Side.LEGACY, command(0, "b", ""), RECORD))
          .isInstanceOf(GoldenException.class)
          .hasMessage(
              out.resolve("pending")
                  + ": the pending results are being written by this process (pid "
                  + ProcessHandle.current().pid()
                  + "), which holds the lock file "
                  + lockFile
                  + "; wait until that `parity` command ends and run again (the lock is released"
                  + " when its process ends, even if it is killed)");
      assertThat(lockFile).as("still held by the outer lock").exists();
    }
    assertThat(lockFile).as("released").doesNotExist();
    second.write("b", Side.LEGACY, command(0, "b", ""), RECORD);
    assertThat(second.list()).extracting(PendingResult::caseId).containsExactly("a", "b");
  }
}
