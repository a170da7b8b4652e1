package dev.parity.engine;

import dev.parity.diff.Comparison;
import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.SideNames;
import dev.parity.fixture.Case;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.normalize.Pipeline;
import dev.parity.redact.Redactor;
import dev.parity.run.Observation;
import dev.parity.run.ObservationSink;
import dev.parity.verdict.CaseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores a legacy observation as the golden of its case, and says what changed: facts and diffs
 * name the golden and the new legacy run, and both go to the sink so reports can show them.
 */
final class GoldenRecorder {
  private final ObservationComparator comparator;
  private final ObservationSink sink;

  GoldenRecorder(ObservationComparator comparator, ObservationSink sink) {
    this.comparator = comparator.withNames(SideNames.RECORD);
    this.sink = sink;
  }

  /**
   * Writes {@code observation} as the case's golden, unless it differs from the stored one only
   * where rules normalize, or differs and {@code update} is off (then the case fails).
   */
  CaseResult record(
      Suite suite,
      Case testCase,
      GoldenStore goldens,
      boolean update,
      Observation observation,
      Pipeline pipeline,
      Map<String, Long> durations)
      throws IOException {
    Optional<Observation> previous =
        (update ? goldens.readIfIntact(testCase.id()) : goldens.read(testCase.id()))
            .map(Redactor.of(suite.redaction()).forCase(testCase)::apply);
    Path where = goldens.caseFolder(testCase.id());
    if (previous.isPresent() && !pipeline.isEmpty() && !previous.get().sameContentAs(observation)) {
      Pipeline.Result normalized = pipeline.apply(previous.get(), observation);
      if (comparator
          .compare(suite.compare(), normalized.legacy(), normalized.candidate())
          .isIdentical()) {
        // Only normalized parts changed (a timestamp): keep the golden, so re-recording causes no
        // churn.
        return CaseResult.passed(
            testCase,
            "golden unchanged",
            List.of(
                new Fact("golden", "kept: this run differs from it only where rules normalize")),
            durations);
      }
    }
    return switch (goldens.write(testCase.id(), observation, update)) {
      case CREATED ->
          CaseResult.passed(
              testCase,
              "golden created",
              List.of(new Fact("golden", "created in " + where)),
              durations);
      case UNCHANGED -> CaseResult.passed(testCase, "golden unchanged", List.of(), durations);
      case UPDATED -> {
        Comparison change =
            previous.isPresent()
                ? comparator.compare(suite.compare(), previous.get(), observation)
                : Comparison.identical();
        yield CaseResult.passed(
            testCase,
            CaseResult.GOLDEN_UPDATED,
            CaseJudge.concat(List.of(new Fact("golden", "updated in " + where)), change.facts()),
            change.diffs(),
            durations);
      }
      case KEPT -> {
        Observation golden = previous.orElseThrow();
        Pipeline.Result normalized = pipeline.apply(golden, observation);
        Comparison change =
            comparator.compare(suite.compare(), normalized.legacy(), normalized.candidate());
        sink.recorded(testCase, golden, normalized.legacy(), observation, normalized.candidate());
        yield CaseResult.failed(
                testCase,
                "legacy output changed since the golden was recorded",
                CaseJudge.concat(
                    change.facts(),
                    List.of(
                        new Fact(
                            "golden",
                            "left unchanged in "
                                + where
                                + "; re-run with --update to replace it"))),
                change.notes(),
                change.diffs(),
                durations)
            .withJsonChanges(change.jsonChanges());
      }
    };
  }
}
