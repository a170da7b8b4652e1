package dev.parity.golden;

import static dev.parity.testing.Observations.command;
import static dev.parity.testing.Observations.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.run.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenStoreTests {
  @TempDir Path folder;

  @Test
  void storesOneFilePerStreamByteExactAndReadsItBack() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    byte[] binary = {0, (byte) 0xff, (byte) 0xe9, '\n'};
    Observation observation =
        Observation.ofCommand(
            3, binary, utf8("warn\n"), Map.of("out/r.csv", utf8("a,b\n")), Duration.ofMillis(9));

    assertThat(store.write("users/get-42", observation, false))
        .isEqualTo(GoldenStore.WriteResult.CREATED);

    Path dir = folder.resolve("users/get-42");
    assertThat(Files.readAllBytes(dir.resolve("stdout"))).isEqualTo(binary);
    assertThat(dir.resolve("stderr")).hasContent("warn");
    assertThat(dir.resolve("files/out/r.csv")).hasContent("a,b");
    assertThat(dir.resolve("meta.yaml"))
        .content()
        .contains(
            "id: users/get-42",
            "exitCode: 3",
            "- file:out/r.csv",
            "- stderr",
            "- stdout",
            "sha256:")
        .doesNotContain("duration");
    Observation read = store.read("users/get-42").orElseThrow();
    assertThat(read.sameContentAs(observation)).isTrue();
    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")))
          .as("no temporary files left")
          .isEmpty();
    }
  }

  @Test
  void leavesAChangedGoldenAloneUnlessUpdating() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(0, "old\n", "", Map.of("x.txt", utf8("x"))), false);

    assertThat(store.write("a", command(0, "old\n", "", Map.of("x.txt", utf8("x"))), false))
        .isEqualTo(GoldenStore.WriteResult.UNCHANGED);
    assertThat(store.write("a", command(0, "new\n", ""), false))
        .isEqualTo(GoldenStore.WriteResult.KEPT);
    assertThat(folder.resolve("a/stdout")).hasContent("old");
    assertThat(folder.resolve("a/files/x.txt")).exists();

    assertThat(store.write("a", command(0, "new\n", ""), true))
        .isEqualTo(GoldenStore.WriteResult.UPDATED);
    assertThat(folder.resolve("a/stdout")).hasContent("new");
    assertThat(folder.resolve("a/files/x.txt")).as("stale stream removed").doesNotExist();
    assertThat(store.read("a").orElseThrow().streams()).containsOnlyKeys("stdout", "stderr");
  }

  @Test
  void readsNothingForACaseNeverRecorded() {
    assertThat(new GoldenStore(folder).read("never")).isEmpty();
  }

  @Test
  void reportsDamagedGoldensWithTheFileAndTheFix() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(0, "x", ""), false);
    Files.delete(folder.resolve("a/stderr"));

    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            folder.resolve("a/stderr")
                + ": golden stream [stderr] is missing; re-record it with `parity record --update`");

    assertThatThrownBy(() -> store.write("a", command(0, "x", ""), false))
        .isInstanceOf(GoldenException.class);
    assertThat(store.write("a", command(0, "x", ""), true))
        .as("--update repairs a damaged golden")
        .isEqualTo(GoldenStore.WriteResult.UPDATED);
    assertThat(store.read("a")).isPresent();
    Files.writeString(folder.resolve("a/stdout"), "edited");
    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            folder.resolve("a/stdout")
                + ": golden stream [stdout] does not match the checksum in meta.yaml"
                + " (edited by hand, or a record was interrupted); re-record it with `parity record --update`");

    Files.writeString(folder.resolve("a/meta.yaml"), "streams: [unclosed\n");
    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("unreadable golden metadata");
  }

  @Test
  void refusesTheGoldenOfAnotherCaseCopiedOrLinkedIntoACasesFolder() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(0, "a\n", ""), false);
    Path copy = Files.createDirectories(folder.resolve("b"));
    for (String file : new String[] {"meta.yaml", "stdout", "stderr"}) {
      Files.copy(folder.resolve("a").resolve(file), copy.resolve(file));
    }
    Files.createSymbolicLink(folder.resolve("c"), folder.resolve("a"));

    assertThatThrownBy(() -> store.read("b"))
        .as("a golden of case [a] is never read as case [b]'s")
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            folder.resolve("b").resolve("meta.yaml")
                + ": the golden is not case [b]'s: its meta.yaml says `id: a` (copied, moved or"
                + " linked from another case's folder?); if you renamed the case and moved its"
                + " golden, set `id: b` in meta.yaml; otherwise re-record it with `parity record"
                + " --update`");
    assertThatThrownBy(() -> store.read("c"))
        .as("nor through a link (GoldenReadLinkTests)")
        .isInstanceOf(GoldenException.class)
        .hasMessageStartingWith(folder.resolve("c") + ": is a symbolic link (to ");
    assertThat(store.caseIds()).containsExactly("a");

    Files.writeString(
        copy.resolve("meta.yaml"),
        Files.readString(copy.resolve("meta.yaml")).replace("id: a\n", "id: b\n"));
    assertThat(store.read("b")).as("the fix the message gives").isPresent();
  }

  @Test
  void aMetaYamlCutShortBeforeItsChecksumsIsReportedNotReadUnchecked() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(0, "every line\nof the golden\n", ""), false);
    Path meta = folder.resolve("a/meta.yaml");
    String whole = Files.readString(meta);
    Files.writeString(meta, whole.substring(0, whole.indexOf("sha256:")));
    Files.writeString(folder.resolve("a/stdout"), "every line\n");

    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            folder.resolve("a/stderr")
                + ": golden stream [stderr] has no checksum in meta.yaml (cut short or edited by"
                + " hand), so it cannot be trusted; re-record it with `parity record --update`");
  }

  @Test
  void theStateOfAGoldenChangesWithWhatItHoldsNotWithItsCommentsOrLineEnds() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    assertThat(store.state("a")).isEqualTo("none");
    store.write("a", command(0, "x\n", ""), false);
    String recorded = store.state("a");
    Path meta = folder.resolve("a/meta.yaml");
    String text = Files.readString(meta);

    Files.writeString(meta, text.replaceAll("(?m)^#.*\n", "").replace("\n", "\r\n"));
    assertThat(store.state("a")).as("comments gone, CRLF line ends").isEqualTo(recorded);

    store.write("a", command(0, "y\n", ""), true);
    assertThat(store.state("a")).isNotEqualTo(recorded).isNotEqualTo("none");
  }

  @Test
  void theStatesOfSeveralGoldensChangeWithAGoldenOrAnAcceptedDifferenceNotWithLineEnds()
      throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(0, "x\n", ""), false);
    store.write("b/c", command(0, "y\n", ""), false);
    String recorded = store.states(List.of("b/c", "a"));
    assertThat(store.states(List.of("a", "b/c"))).as("in any order").isEqualTo(recorded);
    String onlyA = store.states(List.of("a"));
    assertThat(onlyA).isNotEqualTo(recorded);
    Path meta = folder.resolve("b/c/meta.yaml");
    Files.writeString(meta, Files.readString(meta).replace("\n", "\r\n"));
    assertThat(store.states(List.of("a", "b/c"))).isEqualTo(recorded);

    store.accept(
        "b/c", command(0, "z\n", ""), AcceptedDifference.of("intended", "bo", Instant.EPOCH));
    String accepted = store.states(List.of("a", "b/c"));
    assertThat(accepted).isNotEqualTo(recorded);
    Path reason = folder.resolve("b/c/accepted/accepted.yaml");
    Files.writeString(reason, Files.readString(reason).replace("intended", "changed"));
    assertThat(store.states(List.of("a", "b/c"))).isNotEqualTo(accepted);

    store.write("a", command(0, "other\n", ""), true);
    assertThat(store.states(List.of("a"))).isNotEqualTo(onlyA);
  }

  @Test
  void aMetaYamlBrokenByHandIsReportedAtItsFileLineAndColumnOnOneLine() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(0, "a\n", ""), false);
    Path meta = folder.resolve("a/meta.yaml");

    Files.writeString(meta, "id: a\nstreams: [stdout\nsha256: {}\n");
    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            meta
                + ":3:7: unreadable golden metadata (while parsing a flow sequence, expected ','"
                + " or ']', but got :); re-record it with `parity record --update`");

    Files.writeString(meta, "id: a\nstreams: {a: 1}\n");
    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageStartingWith(meta + ":2:10: unreadable golden metadata (Cannot deserialize")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aGoldenReadWithItsStateHasTheStateOfItsFolderWithoutReadingMetaYamlAgain() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(3, "a\n", "e\n", Map.of("r.csv", utf8("x"))), false);
    Path meta = folder.resolve("a/meta.yaml");
    // A checkout's CRLF line ends: the state is of what meta.yaml says, not of its bytes.
    Files.writeString(meta, Files.readString(meta).replace("\n", "\r\n"));

    ReadGolden read = store.readGolden("a").orElseThrow();
    String state = store.state("a");
    Files.delete(meta);

    assertThat(read.state()).isEqualTo(state).hasSize(64);
    assertThat(
            read.observation().sameContentAs(command(3, "a\n", "e\n", Map.of("r.csv", utf8("x")))))
        .isTrue();
    assertThat(store.readGolden("b")).isEmpty();
  }

  @Test
  void aStreamNameEditedIntoMetaYamlThatNoGoldenCanHoldIsADamagedGoldenNeverARead()
      throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(0, "a\n", "", Map.of("r.txt", utf8("r"))), false);
    store.write("b", command(0, "secret\n", ""), false);
    Path meta = folder.resolve("a/meta.yaml");
    String recorded = Files.readString(meta);
    String bStdout =
        Files.readString(folder.resolve("b/meta.yaml"))
            .lines()
            .filter(l -> l.startsWith("  stdout: "))
            .findFirst()
            .orElseThrow()
            .substring("  stdout: ".length());

    Files.writeString(
        meta,
        recorded.replace("- stdout\n", "- stdout\n- file:../../b/stdout\n")
            + "  file:../../b/stdout: "
            + bStdout
            + "\n");
    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            meta
                + ": golden metadata lists stream [file:../../b/stdout], which leads out of its"
                + " golden folder; re-record it with `parity record --update`");

    Files.writeString(meta, recorded.replace("- stdout\n", "- stdout\n- .hidden\n"));
    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            meta
                + ": golden metadata lists stream [.hidden], which no golden can hold; re-record"
                + " it with `parity record --update`");
  }
}
