package dev.parity.engine;

import dev.parity.fixture.Case;
import dev.parity.fixture.Shard;
import dev.parity.fixture.Suite;
import dev.parity.golden.SemanticVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of one run.
 *
 * @param filter glob over case ids ({@code search/*}, {@code **}); empty runs every case
 * @param jobs cases run at the same time
 * @param update when recording, replace goldens that changed
 * @param runs how often legacy runs per case when recording or comparing, to find noise (1 turns it
 *     off)
 * @param noise whether {@code compare} discounts the noise it finds or only reports it
 * @param out the run's output folder: {@code record} and {@code verify} keep pending results in its
 *     {@code pending/} folder; empty keeps none
 * @param pendingOnly when recording, store new cases as pending results instead of goldens (the CLI
 *     sets it when {@code CI} is set: CI never writes goldens)
 * @param clock what "today" is for the expiry of accepted differences, and when pending results
 *     were stored
 * @param candidateVersion the candidate's version, against which an accepted difference that
 *     applies up to a version expires; empty when the run was not told
 * @param shard the part of the selected cases this run takes ({@code --shard K/N}); empty runs them
 *     all
 */
public record RunOptions(
    Optional<String> filter,
    int jobs,
    boolean update,
    int runs,
    NoiseMode noise,
    Optional<Path> out,
    boolean pendingOnly,
    Clock clock,
    Optional<SemanticVersion> candidateVersion,
    Optional<Shard> shard) {
  public static final int DEFAULT_RUNS = 2;

  public RunOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
    if (noise == null) {
      noise = NoiseMode.DISCOUNT;
    }
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(candidateVersion, "candidateVersion");
    Objects.requireNonNull(shard, "shard");
  }

  public RunOptions(Optional<String> filter, int jobs, boolean update, int runs, NoiseMode noise) {
    this(
        filter,
        jobs,
        update,
        runs,
        noise,
        Optional.empty(),
        false,
        Clock.systemUTC(),
        Optional.empty(),
        Optional.empty());
  }

  public RunOptions(Optional<String> filter, int jobs, boolean update, int runs) {
    this(filter, jobs, update, runs, NoiseMode.DISCOUNT);
  }

  public RunOptions(Optional<String> filter, int jobs, boolean update) {
    this(filter, jobs, update, DEFAULT_RUNS);
  }

  public static RunOptions defaults() {
    return new RunOptions(Optional.empty(), Runtime.getRuntime().availableProcessors(), false);
  }

  /** A builder holding these options, to change some of them. */
  public RunOptionsBuilder toBuilder() {
    return new RunOptionsBuilder(this);
  }

  public RunOptions withFilter(String glob) {
    return toBuilder().filter(Optional.of(glob)).build();
  }

  public RunOptions withJobs(int count) {
    return toBuilder().jobs(count).build();
  }

  public RunOptions withUpdate(boolean replace) {
    return toBuilder().update(replace).build();
  }

  public RunOptions withRuns(int count) {
    return toBuilder().runs(count).build();
  }

  public RunOptions withNoise(NoiseMode mode) {
    return toBuilder().noise(mode).build();
  }

  /** These options keeping pending results in {@code folder}'s {@code pending/} folder. */
  public RunOptions withOut(Path folder) {
    return toBuilder().out(Optional.of(folder)).build();
  }

  public RunOptions withPendingOnly(boolean pending) {
    return toBuilder().pendingOnly(pending).build();
  }

  public RunOptions withClock(Clock time) {
    return toBuilder().clock(time).build();
  }

  /** These options judging version-bound accepted differences against {@code version}. */
  public RunOptions withCandidateVersion(Optional<SemanticVersion> version) {
    return toBuilder().candidateVersion(version).build();
  }

  /** These options running only {@code part} of the selected cases. */
  public RunOptions withShard(Optional<Shard> part) {
    return toBuilder().shard(part).build();
  }

  /**
   * The cases of {@code suite} this run takes: those {@link #filter} selects, in {@link #shard}.
   */
  public List<Case> cases(Suite suite) {
    List<Case> selected = suite.select(filter);
    return shard.map(s -> s.select(selected)).orElse(selected);
  }
}
