package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTests {
  @TempDir Path root;

  private final List<String> progressed = new CopyOnWriteArrayList<>();
  private final Engine engine =
      new Engine(
          new CommandRunner(),
          new ObservationComparator(),
          new Progress() {
            @Override
            public void finished(CaseResult result) {
              progressed.add(result.id());
            }
          });

  private Suite suite(String candidate, String cases) {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: "
                    + candidate
                    + "\ncases:\n"
                    + cases);
    return new SuiteLoader().load(folder.folder());
  }

  @Test
  void recordThenVerifyPassesWhenTheCandidateBehavesTheSame() {
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    args: ['echo a']\n  - id: b\n    args: ['echo b >&2; exit 4']\n");
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));

    Verdict recorded = engine.record(suite, goldens, RunOptions.defaults());
    Verdict verified = engine.verify(suite, goldens, RunOptions.defaults());

    assertThat(recorded.mode()).isEqualTo(Mode.RECORD);
    assertThat(recorded.counts().passed()).isEqualTo(2);
    assertThat(recorded.fixtures()).extracting(CaseResult::summary).containsOnly("golden created");
    assertThat(verified.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(verified.reasons()).containsExactly("all 2 cases pass");
    assertThat(progressed).containsExactlyInAnyOrder("a", "b", "a", "b");
  }

  @Test
  void verifyFailsTheDifferingCaseAndErrorsWithoutGolden() {
    Suite legacy = suite("[sh, -c]", "  - id: a\n    args: ['echo a']\n");
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    engine.record(legacy, goldens, RunOptions.defaults());
    Suite suite =
        suite(
            "[sh, -c, 'echo A']",
            "  - id: a\n    args: ['echo a']\n  - id: new\n    args: ['true']\n");

    Verdict verdict = engine.verify(suite, goldens, RunOptions.defaults());

    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.fixtures())
        .extracting(CaseResult::id, CaseResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", Status.FAIL),
            org.assertj.core.groups.Tuple.tuple("new", Status.ERROR));
    assertThat(verdict.fixtures().get(0).diff()).contains("-a\n+A\n");
    assertThat(verdict.fixtures().get(1).summary())
        .startsWith("no golden at ")
        .endsWith("; record it first with `parity record`");
    assertThat(verdict.reasons())
        .containsExactly("1 case differs: a", "1 case could not be compared: new");
  }

  @Test
  void recordLeavesChangedGoldensAloneAndReportsTheChange() throws Exception {
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    engine.record(
        suite("[sh]", "  - id: a\n    args: ['echo one']\n"), goldens, RunOptions.defaults());

    Verdict kept =
        engine.record(
            suite("[sh]", "  - id: a\n    args: ['echo two']\n"), goldens, RunOptions.defaults());
    assertThat(kept.fixtures().get(0).status()).isEqualTo(Status.FAIL);
    assertThat(kept.fixtures().get(0).diff()).contains("-one\n+two\n");
    assertThat(root.resolve("golden/s/a/stdout")).hasContent("one");

    Verdict updated =
        engine.record(
            suite("[sh]", "  - id: a\n    args: ['echo two']\n"),
            goldens,
            RunOptions.defaults().withUpdate(true));
    assertThat(updated.fixtures().get(0).status()).isEqualTo(Status.PASS);
    assertThat(updated.fixtures().get(0).summary()).isEqualTo("golden updated");
    assertThat(root.resolve("golden/s/a/stdout")).hasContent("two");
  }

  @Test
  void recordNamesGoldensWhoseCaseIsGoneAndKeepsThem() {
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    engine.record(
        suite("[sh]", "  - id: a\n    args: ['echo a']\n  - id: old/b\n    args: ['echo b']\n"),
        goldens,
        RunOptions.defaults());

    Verdict verdict =
        engine.record(
            suite("[sh]", "  - id: a\n    args: ['echo a']\n"), goldens, RunOptions.defaults());

    assertThat(verdict.reasons())
        .contains(
            "1 golden has no case in the suite any more (deleted or renamed?): old/b; delete its folder under "
                + root.resolve("golden/s")
                + " or restore the case");
    assertThat(root.resolve("golden/s/old/b/meta.yaml")).exists();
    assertThat(
            engine
                .record(
                    suite(
                        "[sh]",
                        "  - id: a\n    args: ['echo a']\n  - id: old/b\n    args: ['echo b']\n"),
                    goldens,
                    RunOptions.defaults())
                .reasons())
        .noneMatch(reason -> reason.contains("no case in the suite"));
  }

  @Test
  void compareRunsBothSidesLiveAndNeverTouchesGoldens() {
    Suite suite =
        suite(
            "[sh, -c, 'echo B']",
            "  - id: a\n    args: ['echo B']\n  - id: b\n    args: ['echo x']\n");

    Verdict verdict = engine.compare(suite, RunOptions.defaults());

    assertThat(verdict.fixtures())
        .extracting(CaseResult::status)
        .containsExactly(Status.PASS, Status.FAIL);
    assertThat(verdict.fixtures().get(0).durationsMs()).containsOnlyKeys("legacy", "candidate");
    assertThat(root.resolve("golden")).doesNotExist();
  }

  @Test
  void aMissingCandidateIsUnavailableForEveryCase() {
    Suite suite = suite("[/nonexistent/tool]", "  - id: a\n  - id: b\n");

    Verdict verdict = engine.compare(suite, RunOptions.defaults());

    assertThat(verdict.unavailable())
        .containsExactly(
            "candidate implementation could not be run: program [/nonexistent/tool] does not exist");
    assertThat(verdict.counts().errors()).isEqualTo(2);
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
  }

  @Test
  void runsCasesInParallelAndReportsThemInIdOrder() throws Exception {
    Path marks = Files.createDirectories(root.resolve("marks"));
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      // Each run writes a start mark, waits, and looks for marks of runs that started meanwhile.
      cases
          .append("  - id: c")
          .append(i)
          .append("\n    args: ['touch ")
          .append(marks)
          .append("/c")
          .append(i)
          .append("; sleep 0.4; ls ")
          .append(marks)
          .append(" | wc -l']\n");
    }
    Suite suite = suite("[sh, -c]", cases.toString());

    Verdict parallel =
        engine.record(
            suite, new GoldenStore(root.resolve("g1")), RunOptions.defaults().withJobs(3));

    assertThat(parallel.fixtures())
        .extracting(CaseResult::id)
        .containsExactly("c0", "c1", "c2", "c3", "c4", "c5");
    List<Integer> seen = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root.resolve("g1"))) {
      for (Path dir : dirs.toList()) {
        seen.add(Integer.parseInt(Files.readString(dir.resolve("stdout")).trim()));
      }
    }
    assertThat(seen).as("some run saw another run start while it was running").anyMatch(n -> n > 1);

    try (Stream<Path> files = Files.list(marks)) {
      files.forEach(p -> p.toFile().delete());
    }
    engine.record(suite, new GoldenStore(root.resolve("g2")), RunOptions.defaults().withJobs(1));
    try (Stream<Path> dirs = Files.list(root.resolve("g2"))) {
      List<Integer> sequential = new ArrayList<>();
      for (Path dir : dirs.sorted().toList()) {
        sequential.add(Integer.parseInt(Files.readString(dir.resolve("stdout")).trim()));
      }
      assertThat(sequential)
          .as("one job runs cases one after another")
          .containsExactly(1, 2, 3, 4, 5, 6);
    }
  }

  @Test
  void filterSelectsCasesByGlobAndRejectsAnEmptySelection() {
    Suite suite = suite("[sh]", "  - id: search/a\n  - id: search/deep/b\n  - id: list/c\n");

    assertThat(suite.select(Optional.of("search/*")))
        .extracting(c -> c.id())
        .containsExactly("search/a");
    assertThat(suite.select(Optional.of("search/**"))).hasSize(2);
    assertThatThrownBy(() -> suite.select(Optional.of("nothing*")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--filter [nothing*] matches none of the 3 case ids");
  }
}
