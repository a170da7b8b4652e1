package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.testing.CaseResults;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The reports of a run are written side by side, and a failing one stops none of the others. */
class ReportsTests {
  @TempDir Path out;

  private static Verdict verdict() {
    return Verdict.of(
        "demo",
        Mode.COMPARE,
        List.of(
            CaseResults.passed("a").build(),
            CaseResults.failed("b").fact("stdout", "1 line differs").build()),
        List.of(),
        Instant.EPOCH,
        10);
  }

  /** Writes a file of its own, after waiting for {@code barrier} when given. */
  private record Named(String file, CyclicBarrier barrier) implements Reporter {
    @Override
    public Path write(Verdict verdict, Path outputFolder) throws IOException {
      if (barrier != null) {
        try {
          // Waits for the other reporter: only reporters that run at the same time both get past.
          barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IOException("the other reporter did not run at the same time", e);
        }
      }
      return Files.writeString(outputFolder.resolve(file), verdict.suite());
    }
  }

  private record Failing(String message) implements Reporter {
    @Override
    public Path write(Verdict verdict, Path outputFolder) throws IOException {
      throw new IOException(message);
    }
  }

  @Test
  @Timeout(120)
  void reportsAreWrittenSideBySide() throws Exception {
    CyclicBarrier both = new CyclicBarrier(2);

    List<Path> written =
        Reports.full(new Named("one.txt", both), new Named("two.txt", both))
            .writeAll(verdict(), out);

    assertThat(written)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "verdict.json", "junit.xml", "index.html", "summary.md", "one.txt", "two.txt");
    assertThat(out.resolve("one.txt")).hasContent("demo");
    assertThat(out.resolve("two.txt")).hasContent("demo");
  }

  @Test
  @Timeout(120)
  void aFailingReportStopsNoneOfTheOthersAndTheFirstFailureInOrderIsThrown() {
    Reports reports =
        Reports.full(new Failing("first"), new Failing("second"), new Named("last.txt", null));

    assertThatThrownBy(() -> reports.writeAll(verdict(), out))
        .isInstanceOf(IOException.class)
        .hasMessage("first");
    assertThat(out.resolve("verdict.json")).exists();
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve("last.txt")).hasContent("demo");
  }
}
