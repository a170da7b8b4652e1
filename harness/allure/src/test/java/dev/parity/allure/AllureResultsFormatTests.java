package dev.parity.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  private static Verdict verdict() {
    return AllureVerdicts.threeCases();
  }
}
