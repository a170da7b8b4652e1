package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Shard;
import dev.parity.golden.SemanticVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunOptionsTests {
  private static final Clock DEC_1 =
      Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  private final RunOptions base = new RunOptions(Optional.empty(), 3, false);

  @Test
  void eachWitherChangesItsOptionAndKeepsEveryOther() {
    RunOptions all =
        base.withFilter("a/*")
            .withJobs(5)
            .withUpdate(true)
            .withRuns(4)
            .withNoise(NoiseMode.DETECT)
            .withOut(Path.of("out"))
            .withPendingOnly(true)
            .withClock(DEC_1)
            .withCandidateVersion(SemanticVersion.parse("2.3"))
            .withShard(Optional.of(Shard.parse("2/4")));

    assertThat(all)
        .isEqualTo(
            new RunOptions(
                Optional.of("a/*"),
                5,
                true,
                4,
                NoiseMode.DETECT,
                Optional.of(Path.of("out")),
                true,
                DEC_1,
                SemanticVersion.parse("2.3"),
                Optional.of(Shard.parse("2/4"))));
    assertThat(all.withJobs(1)).isEqualTo(all.toBuilder().jobs(1).build());
    assertThat(all.withJobs(1).runs()).isEqualTo(4);
    assertThat(all.withRuns(1).jobs()).isEqualTo(5);
  }

  @Test
  void theShortConstructorsFillTheDefaults() {
    assertThat(base.runs()).isEqualTo(RunOptions.DEFAULT_RUNS);
    assertThat(base.noise()).isEqualTo(NoiseMode.DISCOUNT);
    assertThat(base.out()).isEmpty();
    assertThat(base.pendingOnly()).isFalse();
    assertThat(base.candidateVersion()).isEmpty();
    assertThat(base.shard()).isEmpty();
  }

  @Test
  void theBuilderChecksWhatTheRecordChecks() {
    assertThatThrownBy(() -> base.toBuilder().jobs(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobs must be at least 1, was 0");
    assertThatThrownBy(() -> base.withRuns(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runs must be at least 1, was 0");
  }
}
