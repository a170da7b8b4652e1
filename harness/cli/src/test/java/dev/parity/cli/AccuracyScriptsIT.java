package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.parity.cli.Processes.Result;
import dev.parity.testing.Repository;
import dev.parity.testing.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy scripts of {@code ci/bench/} (whose output docs/benchmarks.md keeps) run end to end
 * through {@code ./parity} and the packaged jar, which is why this is an integration test (after
 * {@code package}). The work unit is made tiny and the budgets short: this checks that the scripts
 * still run and report what they claim, not the accuracy itself, which takes a quiet machine.
 */
class AccuracyScriptsIT {
  /**
   * About 10 ms of awk per unit: long enough that the candidate's second run shows, short enough
   * for a test.
   */
  private static final Map<String, String> SMALL_UNIT = Map.of("PARITY_BENCH_UNIT", "150000");

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String NUMBER = "(\\d+\\.\\d+)";
  private static final String INTERVAL = NUMBER + "-" + NUMBER;
  private static final String PERCENT = "([+-]?\\d+\\.\\d+)%";
  private static final String COUNT = "(\\d+)";
  private static final String STATUS = "(pass|fail|inconclusive)";
  // run, performance, ratio, 95% CI, half-width, seconds, rounds, truth, vs-truth, hyperfine, vs-hf
  private static final Pattern KNOWN_RATIO_ROW =
      row(
          COUNT, STATUS, NUMBER, INTERVAL, PERCENT, NUMBER, COUNT, NUMBER, PERCENT, NUMBER,
          PERCENT);
  // run, performance, ratio, 95% CI, rounds, seconds
  private static final Pattern AA_ROW = row(COUNT, STATUS, NUMBER, INTERVAL, COUNT, NUMBER);
  private static final Pattern AA_SUMMARY =
      Pattern.compile("(?m)^performance passed in (\\d+) of 2 runs \\(target: at least 1\\)$");

  @TempDir Path scratch;

  @Test
  void knownRatioReportsTheCandidateRunningTwiceTheWorkAgainstTruthAndHyperfine() throws Exception {
    Requirement.require(
        "PARITY_REQUIRE_HYPERFINE",
        onPath("hyperfine")
            ? Optional.empty()
            : Optional.of("hyperfine is not installed (ci/setup/30-hyperfine.sh installs it)"));

    Result result = script("ci/bench/known-ratio.sh", "2", "2s", "2");

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    List<Matcher> rows = rows(result.out(), KNOWN_RATIO_ROW);
    assertThat(rows).as(result.out()).hasSize(2);
    for (int i = 0; i < rows.size(); i++) {
      Matcher row = rows.get(i);
      double ratio = Double.parseDouble(row.group(3));
      double low = Double.parseDouble(row.group(4));
      double high = Double.parseDouble(row.group(5));
      double truth = Double.parseDouble(row.group(9));
      double hyperfineRatio = Double.parseDouble(row.group(11));
      assertThat(row.group(1)).isEqualTo(String.valueOf(i + 1));
      assertThat(ratio).as("the interval holds the ratio: %s", row.group()).isBetween(low, high);
      // The candidate runs the legacy program twice: slower, and the truth just under 2. With the
      // test's tiny work unit and two-second budget a loaded machine pulls the measured ratios
      // towards 1 and below (0.98, inconclusive, was seen with a mutation-testing run beside it),
      // so no point estimate is asserted: accuracy itself is measured by the script at full size
      // (docs/benchmarks.md), this test checks its arithmetic and columns, and that the interval
      // never claims the candidate, doing twice the work, is faster.
      assertThat(high).as(row.group()).isGreaterThan(1.0);
      assertThat(row.group(2)).as(row.group()).isNotEqualTo("pass");
      assertThat(hyperfineRatio).as(row.group()).isPositive();
      // (2w+s)/(w+s) with the measured work w and start-up s: below 2, and above 1 whatever the
      // load (1.48 was seen with two builds at once).
      assertThat(truth).as(row.group()).isGreaterThan(1.0).isLessThanOrEqualTo(2.0);
      assertThat(Double.parseDouble(row.group(10)))
          .as("vs-truth column")
          .isCloseTo((ratio / truth - 1) * 100, offset(0.2));
      assertThat(Double.parseDouble(row.group(12)))
          .as("vs-hf column")
          .isCloseTo((ratio / hyperfineRatio - 1) * 100, offset(0.2));
    }
  }

  @Test
  void aaCalibrationCountsThePassingGates() throws Exception {
    Result result = script("ci/bench/aa-calibration.sh", "2", "2s");

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    List<Matcher> rows = rows(result.out(), AA_ROW);
    assertThat(rows).as(result.out()).hasSize(2);
    long passed = rows.stream().filter(row -> row.group(2).equals("pass")).count();
    for (Matcher row : rows) {
      double ratio = Double.parseDouble(row.group(3));
      assertThat(ratio)
          .as("the interval holds the ratio: %s", row.group())
          .isBetween(Double.parseDouble(row.group(4)), Double.parseDouble(row.group(5)));
      // The same program on both sides: never a failing gate, whatever the load.
      assertThat(row.group(2)).as(row.group()).isNotEqualTo("fail");
    }
    Matcher summary = AA_SUMMARY.matcher(result.out());
    assertThat(summary.find()).as(result.out()).isTrue();
    assertThat(Long.parseLong(summary.group(1))).isEqualTo(passed);
  }

  private Result script(String script, String... args) throws IOException, InterruptedException {
    Path root = Repository.root();
    assertThat(root.resolve("harness/cli/target/parity.jar"))
        .as("the packaged jar the scripts run")
        .isRegularFile();
    List<String> command = new ArrayList<>(List.of("bash", root.resolve(script).toString()));
    command.addAll(List.of(args));
    return Processes.run(scratch, TIMEOUT, SMALL_UNIT, command.toArray(String[]::new));
  }

  /** A table row: the columns' patterns, separated by spaces. */
  private static Pattern row(String... columns) {
    return Pattern.compile("^\\s*" + String.join("\\s+", columns) + "\\s*$");
  }

  private static List<Matcher> rows(String output, Pattern row) {
    List<Matcher> rows = new ArrayList<>();
    for (String line : output.split("\n")) {
      Matcher matcher = row.matcher(line);
      if (matcher.matches()) {
        rows.add(matcher);
      }
    }
    return rows;
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
