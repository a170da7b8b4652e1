package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Mode;
import dev.parity.verdict.ShardInfo;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard's reports decide for the shard's cases only; their headline says so, as a filtered run's
 * does, so that no reviewer reads "candidate ships" of one shard as the run's decision.
 */
class ShardReportsTests {
  @TempDir Path out;

  private static Verdict passingShard() {
    CaseResult pass = CaseResults.of("a", Status.PASS).summary("identical").build();
    Verdict verdict = Verdict.of("s", Mode.VERIFY, List.of(pass), List.of(), Instant.EPOCH, 5);
    return verdict.withShard(
        new ShardInfo(
            1,
            2,
            "1.0",
            "verify",
            2,
            ShardInfo.digestOf(List.of("a", "b")),
            List.of("a"),
            new ShardInfo.Inputs("x", "y", ShardInfo.Inputs.NONE, false)));
  }

  @Test
  void theSummaryHeadlineOfAShardSaysItDecidesForItsCasesOnly() {
    Verdict shard = passingShard();
    assertThat(shard.decision()).isEqualTo(Decision.CANDIDATE);

    assertThat(MarkdownReporter.render(shard))
        .startsWith(
            "## \u2705 Parity verify s: candidate ships (shard 1/2: for this shard's cases only;"
                + " `parity merge` decides for the run)\n");
  }

  @Test
  void thePageOfAShardNamesItsShard() throws Exception {
    JsonNode data =
        HtmlReporterTests.block(
            Files.readString(new HtmlReporter().write(passingShard(), out)), "parity-data");

    assertThat(data.get("scope").asText()).isEqualTo("shard");
    assertThat(data.get("shard").asText()).isEqualTo("1/2");
  }
}
