package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html is written as every other report: a new file renamed over it, never through a link.
 */
class HtmlFileTests {
  @TempDir Path root;

  private static Verdict verdict(String reason) {
    CaseResult pass = CaseResults.of("a", Status.PASS).summary("identical").build();
    return Verdict.of("s", Mode.VERIFY, List.of(pass), List.of(), Instant.EPOCH, 5)
        .withReasons(List.of(reason));
  }

  @Test
  void aLinkLeftAtIndexHtmlIsReplacedNotWrittenThrough() throws Exception {
    Path out = Files.createDirectories(root.resolve("out"));
    Path elsewhere = Files.writeString(root.resolve("elsewhere.html"), "the user's page");
    Files.createSymbolicLink(out.resolve("index.html"), elsewhere);

    new HtmlReporter().write(verdict("r"), out);

    assertThat(elsewhere).content().isEqualTo("the user's page");
    assertThat(Files.isRegularFile(out.resolve("index.html"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(out.resolve("index.html")).content().contains("parity-data");
  }

  @Test
  void aTextNoUtf8CanHoldIsWrittenAsAQuestionMarkNotAFailureHalfWay() throws Exception {
    Path out = Files.createDirectories(root.resolve("out"));
    Files.writeString(out.resolve("index.html"), "an earlier page");

    new HtmlReporter().write(verdict("lone \uD800 surrogate"), out);

    assertThat(out.resolve("index.html")).content().contains("lone ? surrogate");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
    }
  }
}
