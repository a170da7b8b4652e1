package dev.parity.allure;

import dev.parity.diff.Fact;
import dev.parity.report.Reporter;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Check;
import dev.parity.verdict.Clusters;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code allure-results/} in the output folder: one Allure test per case, named by its id,
 * with its status (pass: passed, fail: failed, error: broken), the suite, mode, tags and mismatch
 * cluster as labels, and the facts and diff attached. {@code allure generate} turns it into the
 * Allure HTML report (see docs/reports.md).
 */
public final class AllureReporter implements Reporter {
  public static final String FOLDER = "allure-results";

  @Override
  public Path write(Verdict verdict, Path outputFolder) throws IOException {
    Path results = outputFolder.resolve(FOLDER);
    deleteTree(results);
    Files.createDirectories(results);
    Map<String, List<String>> clusterIds = Clusters.byCase(verdict.clusters());
    long start = verdict.startedAt().toEpochMilli();
    // One file or more per case, each independent of the others: written by the common pool's
    // threads and this one side by side, so the end of a large run is not one thread creating
    // thousands of files one after the other.
    try {
      verdict.fixtures().parallelStream()
          .forEach(result -> writeCase(verdict, result, results, clusterIds, start));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    // The performance gate, each group and (when nothing else explains it) the decision are tests
    // of their own, so that Allure is never green for a run that does not pass.
    for (Check check : verdict.checks()) {
      String uuid = UUID.randomUUID().toString();
      String fullName = "parity." + verdict.suite() + ".(" + check.name() + ")";
      String id = UUID.nameUUIDFromBytes(fullName.getBytes(StandardCharsets.UTF_8)).toString();
      TestResult test =
          new TestResult()
              .setUuid(uuid)
              .setName(check.name())
              .setFullName(fullName)
              .setHistoryId(id)
              .setTestCaseId(id)
              .setDescription(check.message())
              .setStatus(status(check.status()))
              .setLabels(
                  List.of(
                      label("suite", verdict.suite()),
                      label("parentSuite", "parity " + verdict.mode().label()),
                      label("framework", "parity")))
              // When it was written, as allure-java-commons' lifecycle stamped it.
              .setStart(System.currentTimeMillis())
              .setStop(System.currentTimeMillis())
              .setStage(Stage.FINISHED);
      if (check.status() != Status.PASS) {
        test.setStatusDetails(
            new StatusDetails().setMessage(check.message()).setTrace(check.details()));
      }
      AllureFiles.write(results, test);
    }
    AllureEnvironment.write(verdict, results);
    return results;
  }

  /** Writes the Allure test of one case, with its attachments. */
  private static void writeCase(
      Verdict verdict,
      CaseResult result,
      Path results,
      Map<String, List<String>> clusterIds,
      long start) {
    try {
      String uuid = UUID.randomUUID().toString();
      String fullName = "parity." + verdict.suite() + "." + result.id();
      List<Label> labels = new ArrayList<>();
      labels.add(label("suite", verdict.suite()));
      labels.add(label("parentSuite", "parity " + verdict.mode().label()));
      labels.add(label("framework", "parity"));
      result.tags().forEach(tag -> labels.add(label("tag", tag)));
      if (!result.status().passes()) {
        clusterIds
            .getOrDefault(result.id(), List.of())
            .forEach(cluster -> labels.add(label("cluster", cluster)));
      }
      long duration = result.durationsMs().values().stream().mapToLong(Long::longValue).sum();
      List<StepResult> steps = sideSteps(result, start);
      TestResult test =
          new TestResult()
              .setUuid(uuid)
              .setName(result.id())
              .setFullName(fullName)
              .setHistoryId(
                  UUID.nameUUIDFromBytes(fullName.getBytes(StandardCharsets.UTF_8)).toString())
              .setTestCaseId(
                  UUID.nameUUIDFromBytes(fullName.getBytes(StandardCharsets.UTF_8)).toString())
              .setDescription(result.summary())
              .setStatus(status(result.status()))
              .setLabels(labels)
              .setSteps(steps);
      if (result.status() != Status.PASS) {
        test.setStatusDetails(
            new StatusDetails()
                .setMessage(result.summary())
                .setTrace(
                    AllureEnvironment.traceLine(clusterIds.getOrDefault(result.id(), List.of()))
                        + "\n"
                        + facts(result)));
      }
      List<Attachment> attachments = new ArrayList<>();
      if (!result.facts().isEmpty() || !result.notes().isEmpty()) {
        attachments.add(AllureFiles.attach(results, "facts", "txt", facts(result)));
      }
      if (!result.diff().isEmpty()) {
        attachments.add(AllureFiles.attach(results, "diff", "diff", result.diff()));
      }
      // The case took its sides' times.
      test.setAttachments(attachments).setStart(start).setStop(start + duration);
      AllureFiles.write(results, test.setStage(Stage.FINISHED));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One step per side that ran, each as long as that side's run, one after the other. */
  private static List<StepResult> sideSteps(CaseResult result, long start) {
    List<StepResult> steps = new ArrayList<>();
    long at = start;
    for (String side : List.of("legacy", "candidate")) {
      Long ms = result.durationsMs().get(side);
      if (ms != null) {
        steps.add(
            new StepResult()
                .setName(side + " run (" + ms + " ms)")
                .setStatus(io.qameta.allure.model.Status.PASSED)
                .setStart(at)
                .setStop(at + ms));
        at += ms;
      }
    }
    return steps;
  }

  private static io.qameta.allure.model.Status status(Status status) {
    return switch (status) {
      case PASS, ACCEPTED -> io.qameta.allure.model.Status.PASSED;
      case FAIL -> io.qameta.allure.model.Status.FAILED;
      case ERROR -> io.qameta.allure.model.Status.BROKEN;
    };
  }

  private static String facts(CaseResult result) {
    return Stream.concat(result.facts().stream(), result.notes().stream())
        .map(Fact::toString)
        .collect(Collectors.joining("\n"));
  }

  private static Label label(String name, String value) {
    return new Label().setName(name).setValue(value);
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
