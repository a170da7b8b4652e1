package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared {@code outputs:} are compared exactly as declared, and never vanish silently. */
class DeclaredOutputsTests {
  @TempDir Path root;

  private final Engine engine =
      new Engine(new CommandRunner(), new ObservationComparator(), new Progress() {});

  private Suite suite(String legacy, String candidate, String caseYaml) {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, '"
                    + legacy
                    + "']\ncandidate:\n  command: [sh, -c, '"
                    + candidate
                    + "']\ncases:\n  - id: c\n"
                    + caseYaml);
    return new SuiteLoader().load(folder.folder());
  }

  @Test
  void anOutputWithABackslashInItsNameIsCapturedUnderThatName() {
    Suite suite =
        suite(
            "mkdir -p out; printf L > \"out/a\\\\b.txt\"",
            "mkdir -p out; printf C > \"out/a\\\\b.txt\"",
            "    outputs: [\"out/a\\\\b.txt\"]\n");

    CaseResult result = engine.compare(suite, RunOptions.defaults()).fixtures().get(0);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.facts()).extracting(Fact::key).contains("output file out/a\\b.txt");
  }

  @Test
  void anOutputWithABackslashRecordsAndVerifiesUnderItsOwnName() {
    Suite suite =
        suite(
            "mkdir -p out; printf L > \"out/a\\\\b.txt\"",
            "mkdir -p out/a; printf C > out/a/b.txt; printf L > \"out/a\\\\b.txt\"",
            "    outputs: [\"out/a\\\\b.txt\"]\n");
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));

    engine.record(suite, goldens, RunOptions.defaults());
    Verdict verdict = engine.verify(suite, goldens, RunOptions.defaults());

    assertThat(verdict.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(goldens.read("c").orElseThrow().streams()).containsKey("file:out/a\\b.txt");
  }

  @Test
  void anOutputWrittenByNeitherSideIsAnError() {
    Suite suite = suite("true", "true", "    outputs: [out/report.csv]\n");

    Verdict verdict = engine.compare(suite, RunOptions.defaults());

    CaseResult result = verdict.fixtures().get(0);
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(result.status()).isEqualTo(Status.ERROR);
    assertThat(result.facts())
        .contains(
            new Fact(
                "output file out/report.csv",
                "written by neither side (declare the case [optional: true] if that is expected)"));
  }

  @Test
  void anOptionalOutputWrittenByNeitherSideIsAFactNotAnError() {
    Suite suite = suite("true", "true", "    outputs: [out/report.csv]\n    optional: true\n");

    CaseResult result = engine.compare(suite, RunOptions.defaults()).fixtures().get(0);

    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.notes())
        .contains(new Fact("output file out/report.csv", "written by neither side (optional)"));
  }

  @Test
  void anOutputThatNamesAFolderIsRejectedAtLoadTime() {
    assertThatThrownBy(() -> suite("true", "true", "    outputs: [out/]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("suite.yaml:8:")
        .hasMessageContaining("[outputs] path [out/] names a folder");
  }

  @Test
  void anOutputDeclaredTwiceIsRejectedAtLoadTime() {
    assertThatThrownBy(() -> suite("true", "true", "    outputs: [out/a.txt, out/./a.txt]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("suite.yaml:8:")
        .hasMessageContaining("[outputs] path [out/./a.txt] names the same file as [out/a.txt]");
  }
}
