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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptedDifferenceTests {
  private static final AcceptedDifference FIXED =
      AcceptedDifference.of(
              "port fixes the rounding bug", "ana", Instant.parse("2026-11-30T12:00:00Z"))
          .withTicket("MIG-12")
          .withUntil(LocalDate.parse("2026-12-31"));

  @TempDir Path root;

  @Test
  void expiresTheDayAfterUntil() {
    assertThat(FIXED.expired(LocalDate.parse("2026-12-31"))).isFalse();
    assertThat(FIXED.expired(LocalDate.parse("2027-01-01"))).isTrue();
    assertThat(AcceptedDifference.of("r", "ana", Instant.EPOCH).expired(LocalDate.MAX)).isFalse();
  }

  @Test
  void needsAReason() {
    assertThatThrownBy(() -> AcceptedDifference.of(" ", "ana", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isStoredBesideTheGoldenAndReadBack() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a", command(0, "old\n", ""), false);

    store.accept("a", command(0, "new\n", "", Map.of("r.csv", utf8("x"))), FIXED);

    Path accepted = root.resolve("a/accepted");
    assertThat(accepted.resolve("stdout")).hasContent("new");
    assertThat(accepted.resolve("files/r.csv")).hasContent("x");
    assertThat(accepted.resolve("accepted.yaml"))
        .content()
        .contains(
            "reason: port fixes the rounding bug",
            "ticket: MIG-12",
            "until: 2026-12-31",
            "by: ana",
            "at: 2026-11-30T12:00:00Z");
    Accepted read = store.accepted("a").orElseThrow();
    assertThat(read.difference()).isEqualTo(FIXED);
    assertThat(read.observation().stream("stdout")).contains(utf8("new\n"));
    assertThat(store.read("a").orElseThrow().stream("stdout"))
        .as("the golden itself is unchanged")
        .contains(utf8("old\n"));
    assertThat(store.caseIds()).as("accepted/ is no case").containsExactly("a");
    assertThat(store.orphans(List.of("a")).ids()).isEmpty();
  }

  @Test
  void aSecondAcceptanceReplacesTheFirst() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a", command(0, "old\n", ""), false);
    store.accept("a", command(0, "one\n", "", Map.of("r.csv", utf8("x"))), FIXED);

    store.accept("a", command(0, "two\n", ""), AcceptedDifference.of("other", "bo", Instant.EPOCH));

    Accepted read = store.accepted("a").orElseThrow();
    assertThat(read.difference().reason()).isEqualTo("other");
    assertThat(read.difference().ticket()).isEmpty();
    assertThat(read.observation().streams()).containsOnlyKeys("stdout", "stderr");
    assertThat(root.resolve("a"))
        .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
  }

  @Test
  void anUpdatedGoldenKeepsItsAcceptedDifference() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a", command(0, "old\n", ""), false);
    store.accept("a", command(0, "new\n", ""), FIXED);

    store.write("a", command(0, "newer\n", ""), true);
    store.replace("a", command(0, "newest\n", ""));

    assertThat(store.read("a").orElseThrow().stream("stdout")).contains(utf8("newest\n"));
    assertThat(store.accepted("a").orElseThrow().difference()).isEqualTo(FIXED);
  }

  @Test
  void refusesACaseWithoutGoldenAndWritesNothing() {
    GoldenStore store = new GoldenStore(root);

    assertThatThrownBy(() -> store.accept("a", command(0, "new\n", ""), FIXED))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("has no golden");
    assertThat(root.resolve("a")).doesNotExist();
  }

  @Test
  void refusesWhileAnotherStoreHoldsTheLock() throws Exception {
    GoldenStore first = new GoldenStore(root);
    first.write("a", command(0, "old\n", ""), false);
    GoldenStore second = new GoldenStore(root);
    try (GoldenStore.Lock held = first.lock()) {
      assertThatThrownBy(() -> second.accept("a", command(0, "new\n", ""), FIXED))
          .isInstanceOf(GoldenException.class)
          .hasMessageContaining("holds the lock file");
      assertThatThrownBy(() -> second.replace("a", command(0, "new\n", "")))
          .isInstanceOf(GoldenException.class);
      assertThatThrownBy(() -> second.prune(List.of("a"))).isInstanceOf(GoldenException.class);
    }
    assertThat(first.accepted("a")).isEmpty();
    assertThat(first.read("a")).isPresent();
  }

  @Test
  void refusesToWriteThroughALinkedAcceptedFolder() throws Exception {
    GoldenStore store = new GoldenStore(root.resolve("golden"));
    store.write("a", command(0, "old\n", ""), false);
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.createSymbolicLink(root.resolve("golden/a/accepted"), outside);

    assertThatThrownBy(() -> store.accept("a", command(0, "new\n", ""), FIXED))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("symbolic link");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void aFailedAcceptanceKeepsThePreviousOne() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a", command(0, "old\n", ""), false);
    store.accept("a", command(0, "one\n", ""), FIXED);
    TreeMap<String, byte[]> streams = new TreeMap<>();
    streams.put("../escape", utf8("x"));
    Observation unstorable = new Observation(new TreeMap<>(), streams, Duration.ZERO);

    assertThatThrownBy(() -> store.accept("a", unstorable, FIXED))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.accepted("a").orElseThrow().observation().stream("stdout"))
        .contains(utf8("one\n"));
  }

  @Test
  void aDamagedAcceptedYamlSaysHowToFixIt() throws Exception {
    GoldenStore store = new GoldenStore(root);
    store.write("a", command(0, "old\n", ""), false);
    store.accept("a", command(0, "new\n", ""), FIXED);
    Files.writeString(
        root.resolve("a/accepted/accepted.yaml"), "reason: x\nby: ana\nat: yesterday\n");

    assertThatThrownBy(() -> store.accepted("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("accepted.yaml")
        .hasMessageContaining("parity accept");
  }
}
