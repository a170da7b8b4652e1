package dev.parity.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.StreamDiff;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Allure results, byte for byte, as allure-java-commons' AllureLifecycle and
 * FileSystemResultsWriter wrote them before Parity wrote them itself (issue 13): the expected text
 * is what the lifecycle wrote for this verdict, with only what is random or the wall clock's
 * replaced (the random UUIDs, and the start and stop of a check, which the lifecycle stamped).
 */
class AllureResultsFormatTests {
  private static final Pattern RANDOM_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  /** The start and stop of a check's test: the lifecycle stamped the wall clock. */
  private static final Pattern CHECK_STAMPS = Pattern.compile("\"start\":\\d+,\"stop\":\\d+}$");

  /** What depends on the machine or the build. */
  private static final Pattern MACHINE = Pattern.compile("(Java|OS|Machine|Parity)=.*");

  @TempDir Path out;

  @Test
  void everyResultAndAttachmentIsWhatAllureLifecycleWrote() throws Exception {
    Path folder = new AllureReporter().write(verdict(), out);

    assertThat(normalized(folder)).isEqualTo(expected("expected-allure-results.txt"));
  }

  @Test
  void aRunWithoutAVerdictIsAFailingTestOfItsOwnAsTheLifecycleWroteIt() throws Exception {
    Verdict error =
        Verdict.error(
            "demo", Mode.VERIFY, "suite.yaml: no cases", Instant.parse("2026-01-01T00:00:00Z"), 5);

    Path folder = new AllureReporter().write(error, out);

    assertThat(normalized(folder)).isEqualTo(expected("expected-allure-error.txt"));
  }

  /** Each file of the folder, sorted: its name and text, with the random and the clock's out. */
  static String normalized(Path folder) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path file : list.toList()) {
        String name = RANDOM_UUID.matcher(file.getFileName().toString()).replaceAll("UUID");
        String text = RANDOM_UUID.matcher(Files.readString(file)).replaceAll("UUID");
        if (text.contains("\"fullName\":\"parity.demo.(")) {
          text = CHECK_STAMPS.matcher(text).replaceAll("\"start\":T,\"stop\":T}");
        }
        if (name.equals("environment.properties")) {
          text =
              String.join("\n", text.lines().filter(l -> !MACHINE.matcher(l).matches()).toList());
        }
        files.add(name + "\n" + text);
      }
    }
    files.sort(null);
    return String.join("\n----\n", files) + "\n";
  }

  private static String expected(String resource) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(AllureResultsFormatTests.class.getResourceAsStream(resource))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A passing, a failing (two clusters' worth of facts and a diff) and an erroring case. */
  private static Verdict verdict() {
    StreamDiff diff =
        new StreamDiff(
            "stdout",
            StreamDiff.Kind.TEXT,
            1,
            1,
            false,
            false,
            "--- legacy\n+++ candidate\n-a\n+b\n");
    List<CaseResult> results =
        List.of(
            CaseResults.of("ok/one", Status.PASS)
                .tags(List.of("fast"))
                .summary("identical")
                .durations(Map.of("candidate", 3L))
                .build(),
            CaseResults.of("bad/two", Status.FAIL)
                .tags(List.of("slow", "io"))
                .summary("stdout differ")
                .facts(List.of(new Fact("stdout", "1 line removed")))
                .diffs(List.of(diff))
                .durations(Map.of("legacy", 120L, "candidate", 297L))
                .build(),
            CaseResults.of("err/three", Status.ERROR)
                .summary("candidate timed out")
                .facts(List.of(new Fact("error", "timed out")))
                .build());
    return Verdict.of(
        "demo", Mode.VERIFY, results, List.of(), Instant.parse("2026-01-01T00:00:00Z"), 10);
  }
}
