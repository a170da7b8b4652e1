package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.parity.diff.ObservationComparator;
import dev.parity.engine.Engine;
import dev.parity.engine.Progress;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

class ParityTestEngineTests {
  @TempDir Path root;

  /**
   * Legacy lower-cases its argument and prints the run's time; the candidate forgot to lower-case.
   * A rule replaces the time on both sides, so only the letter case differs after normalization.
   */
  private TempSuite names() {
    return TempSuite.in(root, "names")
        .suiteYaml(
            TempSuite.scriptSides("names")
                + "normalize:\n"
                + "  - regex: 'at [0-9]+'\n"
                + "    replace: 'at <time>'\n"
                + "cases:\n"
                + "  - {id: same, args: [bob]}\n"
                + "  - {id: search/upper, args: [Bob], tags: [search]}\n"
                + "  - {id: unrecorded, args: [eve]}\n")
        .script("legacy.sh", "echo \"$1\" | tr A-Z a-z\necho \"at $(date +%s%N)\"\n")
        .script("candidate.sh", "echo \"$1\"\necho \"at $(date +%s%N)\"\n");
  }

  /** Records the goldens of every case but {@code unrecorded}. */
  private TempSuite recorded(TempSuite suite) throws IOException {
    try (Runner runner = Runners.standard()) {
      new Engine(runner, new ObservationComparator(), Progress.NONE)
          .record(
              new SuiteLoader().load(suite.folder()),
              new GoldenStore(suite.golden()),
              RunOptions.defaults().withFilter("{same,search/upper}"));
    }
    return suite;
  }

  private static EngineTestKit.Builder kit() {
    return EngineTestKit.engine(ParityTestEngine.ID);
  }

  @Test
  void runsEachCaseOfASelectedSuiteFolderAsATestInTheSuitesContainer() throws IOException {
    TempSuite suite = recorded(names());

    EngineExecutionResults results =
        kit().selectors(selectDirectory(suite.folder().toFile())).execute();

    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(1, event(container(displayName("names")), finishedSuccessfully()));
    results.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(2).skipped(0));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(test(displayName("same")), finishedSuccessfully()))
        .haveExactly(
            1,
            event(
                test(displayName("search/upper")),
                finishedWithFailure(instanceOf(AssertionFailedError.class))))
        .haveExactly(
            1,
            event(
                test(displayName("unrecorded")),
                finishedWithFailure(
                    instanceOf(ParityCaseError.class),
                    message(m -> m.startsWith("unrecorded: no golden at ")))));
  }

  @Test
  void aDifferenceFailsWithTheNormalizedGoldenAndCandidateAsExpectedAndActual() throws IOException {
    TempSuite suite = recorded(names());

    AssertionFailedError failure =
        (AssertionFailedError)
            failureOf(
                kit().selectors(selectDirectory(suite.folder().toFile())).execute(),
                "search/upper");

    assertThat(failure.getExpected().getValue()).isEqualTo("bob\nat <time-1>\n");
    assertThat(failure.getActual().getValue()).isEqualTo("Bob\nat <time-1>\n");
    assertThat(failure.getMessage())
        .startsWith("search/upper: stdout differ\nstdout: ")
        .contains("-bob\n+Bob");
  }

  @Test
  void writesTheReportsTheCliWritesAndPublishesWhereTheVerdictIs() throws IOException {
    TempSuite suite = recorded(names());

    EngineExecutionResults results =
        kit().selectors(selectDirectory(suite.folder().toFile())).execute();

    Verdict verdict = VerdictJson.read(suite.reports().resolve("verdict.json"));
    assertThat(verdict.counts().total()).isEqualTo(3);
    assertThat(verdict.counts().passed()).isEqualTo(1);
    assertThat(verdict.decision().label()).isEqualTo("legacy");
    assertThat(suite.reports())
        .isDirectoryContaining("glob:**/junit.xml")
        .isDirectoryContaining("glob:**/index.html")
        .isDirectoryContaining("glob:**/summary.md")
        .isDirectoryContaining("glob:**/allure-results");
    assertThat(results.allEvents().reportingEntryPublished().stream())
        .extracting(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class))
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.orElseThrow().getKeyValuePairs())
                    .containsEntry(
                        "parity.verdict", suite.reports().resolve("verdict.json").toString()));
  }

  @Test
  void caseTagsAreJUnitTagsThatFiltersSelectAndTheVerdictSaysItIsFiltered() throws IOException {
    TempSuite suite = recorded(names());

    TestDescriptor engine =
        kit().selectors(selectDirectory(suite.folder().toFile())).discover().getEngineDescriptor();
    EngineExecutionResults results =
        kit()
            .selectors(selectDirectory(suite.folder().toFile()))
            .filters(TagFilter.includeTags("search"))
            .execute();

    TestDescriptor upper =
        engine.getDescendants().stream()
            .filter(d -> d.getDisplayName().equals("search/upper"))
            .findFirst()
            .orElseThrow();
    assertThat(upper.getTags()).containsExactly(TestTag.create("search"));
    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    Verdict verdict = VerdictJson.read(suite.reports().resolve("verdict.json"));
    assertThat(verdict.counts().total()).isEqualTo(1);
    assertThat(verdict.scope()).isEqualTo("filtered");
  }

  @Test
  void aSuiteConfigurationErrorFailsItsContainerWithTheCliMessageAndNoStackTrace() {
    TempSuite suite =
        TempSuite.in(root, "broken")
            .suiteYaml(TempSuite.scriptSides("broken") + "cases:\n  - {id: a, argz: [x]}\n");
    String cli = "configuration error: " + loadError(suite.folder()).getMessage();

    EngineExecutionResults results =
        kit().selectors(selectDirectory(suite.folder().toFile())).execute();

    Throwable failure = containerFailure(results, "broken");
    assertThat(failure).isInstanceOf(ParityConfigurationError.class).hasMessage(cli);
    // The loader's own message (pinned by its tests), with the file, line and column first.
    assertThat(failure.getMessage())
        .startsWith(
            "configuration error: "
                + suite.folder().resolve("suite.yaml")
                + ":7:13: unknown key [argz] at [cases[0].argz]; did you mean [args]?");
    assertThat(failure.getStackTrace()).isEmpty();
    results.testEvents().assertStatistics(s -> s.started(0));
  }

  @Test
  void aMissingSuiteFolderNamedByAnAnnotationFailsNamingThePathItLookedFor() {
    EngineExecutionResults results = kit().selectors(selectClass(MissingSuite.class)).execute();

    Path looked = Path.of("target/no-such-suite").toAbsolutePath().normalize();
    assertThat(containerFailure(results, "no-such-suite"))
        .isInstanceOf(ParityConfigurationError.class)
        .hasMessage(
            "configuration error: "
                + looked
                + ": suite folder not found; give the path of a folder that holds suite.yaml");
  }

  @ParitySuite("target/no-such-suite")
  static class MissingSuite {}

  @Test
  void anAnnotatedClassRunsItsSuitesRelativeToTheWorkingDirectory() throws IOException {
    Path project = Path.of("target/annotated-project").toAbsolutePath();
    TempSuite suite =
        TempSuite.in(project, "echo")
            .suiteYaml(
                "name: echo\nlegacy: {command: [echo]}\ncandidate: {command: [echo]}\n"
                    + "cases:\n  - {id: hello, args: [hello]}\n");

    EngineExecutionResults results =
        kit()
            .selectors(selectClass(AnnotatedSuite.class))
            .configurationParameter("parity.mode", "compare")
            .execute();

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(suite.reports().resolve("verdict.json")).isRegularFile();
  }

  @ParitySuite("target/annotated-project/fixtures/echo")
  static class AnnotatedSuite {}

  @Test
  void theSuitesParameterFindsEverySuiteItsGlobMatchesWhenClassesAreDiscovered() {
    TempSuite.in(root, "one")
        .suiteYaml(
            "name: one\nlegacy: {command: [echo]}\ncandidate: {command: [echo]}\n"
                + "cases:\n  - {id: a, args: [a]}\n");
    TempSuite.in(root, "two")
        .suiteYaml(
            "name: two\nlegacy: {command: [echo]}\ncandidate: {command: [echo, x]}\n"
                + "cases:\n  - {id: b, args: [b]}\n");

    EngineExecutionResults results =
        kit()
            .selectors(selectClass(Object.class))
            .configurationParameter("parity.suites", root + "/fixtures/*")
            .configurationParameter("parity.mode", "compare")
            .execute();

    results.containerEvents().assertStatistics(s -> s.started(3).succeeded(3));
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    assertThat(failureOf(results, "b")).isInstanceOf(AssertionFailedError.class);
  }

  @Test
  void aSuitesGlobThatMatchesNothingFailsNamingWhereItLooked() {
    EngineExecutionResults results =
        kit()
            .selectors(selectClass(Object.class))
            .configurationParameter("parity.suites", root + "/fixtures/*")
            .execute();

    assertThat(containerFailure(results, "fixtures"))
        .isInstanceOf(ParityConfigurationError.class)
        .hasMessageContaining("matches no suite folder")
        .hasMessageContaining("[" + root.resolve("fixtures") + "]");
  }

  @Test
  void anUnknownModeFailsEverySuiteSayingWhichModesThereAre() throws IOException {
    TempSuite suite = recorded(names());

    EngineExecutionResults results =
        kit()
            .selectors(selectDirectory(suite.folder().toFile()))
            .configurationParameter("parity.mode", "gate")
            .execute();

    assertThat(containerFailure(results, "names"))
        .hasMessage(
            "configuration parameter parity.mode [gate] is not a mode; use verify (against the"
                + " goldens) or compare (both sides live)");
    results.testEvents().assertStatistics(s -> s.started(0));
  }

  @Test
  void aUniqueIdRunsThatOneCaseAgain() throws IOException {
    TempSuite suite = recorded(names());
    UniqueId upper =
        UniqueId.forEngine(ParityTestEngine.ID)
            .append("suite", suite.folder().toAbsolutePath().normalize().toString())
            .append("case", "search/upper");

    EngineExecutionResults results = kit().selectors(selectUniqueId(upper)).execute();

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(test(displayName("search/upper")), finishedWithFailure()));
  }

  @Test
  void casesOfARunThatCannotCompleteAreSkippedWithTheReasonAndTheSuiteFails() throws IOException {
    TempSuite suite = recorded(names());
    // The report folder is a file: nothing can be written there.
    Files.createDirectories(suite.reports().getParent());
    Files.writeString(suite.reports(), "not a folder");

    EngineExecutionResults results =
        kit().selectors(selectDirectory(suite.folder().toFile())).execute();

    results.testEvents().assertStatistics(s -> s.started(0).skipped(3));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(displayName("same")),
                skippedWithReason(r -> r.startsWith("not run: cannot read or write a file: "))));
    assertThat(containerFailure(results, "names")).isNotNull();
  }

  private static ConfigException loadError(Path folder) {
    try {
      new SuiteLoader().load(folder);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a configuration error in " + folder);
  }

  private static Throwable failureOf(EngineExecutionResults results, String caseId) {
    return thrown(results.testEvents().finished().list(), caseId);
  }

  private static Throwable containerFailure(EngineExecutionResults results, String name) {
    return thrown(results.containerEvents().failed().list(), name);
  }

  private static Throwable thrown(List<Event> events, String name) {
    return events.stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().equals(name))
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().orElseThrow())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no failed event for " + name + " in " + events));
  }
}
