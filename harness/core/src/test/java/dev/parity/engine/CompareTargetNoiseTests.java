package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Observation;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Noise found between legacy runs is looked for only in what the suite compares: a stream left out
 * of {@code compare:} neither suggests rules nor discounts differences.
 */
class CompareTargetNoiseTests {
  @TempDir Path root;

  /** Every run answers with a fresh request id in a header and in the body. */
  private static final Runner NOISY_SERVICE =
      (suite, implementation, testCase) -> {
        String id = UUID.randomUUID().toString();
        return new RunOutcome.Completed(
            Observation.ofHttp(
                200,
                "x-request-id: " + id + "\n",
                ("request " + id + "\n").getBytes(StandardCharsets.UTF_8),
                Duration.ofMillis(1)));
      };

  private Suite suite(String compare) {
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "web")
                .suiteYaml(
                    "name: web\n"
                        + "legacy: {url: \"http://localhost:1\"}\n"
                        + "candidate: {url: \"http://localhost:2\"}\n"
                        + "compare: "
                        + compare
                        + "\n"
                        + "cases:\n  - id: a\n    request: {method: GET, path: /}\n")
                .folder());
  }

  private Verdict compare(Suite suite) {
    return new Engine(NOISY_SERVICE, new ObservationComparator(), Progress.NONE)
        .compare(suite, RunOptions.defaults().withJobs(1));
  }

  @Test
  void headersLeftOutOfCompareAreNeitherSuggestedForNorDiscounted() {
    Verdict verdict = compare(suite("[status, body]"));

    CaseResult result = verdict.fixtures().get(0);
    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.discounted()).extracting(d -> d.stream()).containsOnly(Observation.BODY);
    assertThat(result.noise())
        .extracting(Fact::message)
        .noneMatch(message -> message.contains(Observation.HEADERS));
    assertThat(verdict.suggestedRules()).noneMatch(rule -> rule.contains(Observation.HEADERS));
  }

  @Test
  void bodyLeftOutOfCompareIsNeitherSuggestedForNorDiscounted() {
    Verdict verdict = compare(suite("[status, headers]"));

    CaseResult result = verdict.fixtures().get(0);
    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.discounted()).extracting(d -> d.stream()).containsOnly(Observation.HEADERS);
    assertThat(result.noise())
        .extracting(Fact::message)
        .noneMatch(message -> message.contains(Observation.BODY));
    assertThat(verdict.suggestedRules()).noneMatch(rule -> rule.contains(Observation.BODY));
  }
}
