package dev.parity.engine;

import dev.parity.fixture.Shard;
import dev.parity.golden.SemanticVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds {@link RunOptions} option by option (start from {@link RunOptions#toBuilder}), so that
 * changing one option does not spell out all the others; {@link #build} checks them as the record
 * does.
 */
public final class RunOptionsBuilder {
  private Optional<String> filter;
  private int jobs;
  private boolean update;
  private int runs;
  private NoiseMode noise;
  private Optional<Path> out;
  private boolean pendingOnly;
  private Clock clock;
  private Optional<SemanticVersion> candidateVersion;
  private Optional<Shard> shard;

  RunOptionsBuilder(RunOptions from) {
    filter = from.filter();
    jobs = from.jobs();
    update = from.update();
    runs = from.runs();
    noise = from.noise();
    out = from.out();
    pendingOnly = from.pendingOnly();
    clock = from.clock();
    candidateVersion = from.candidateVersion();
    shard = from.shard();
  }

  public RunOptionsBuilder filter(Optional<String> glob) {
    filter = glob;
    return this;
  }

  public RunOptionsBuilder jobs(int count) {
    jobs = count;
    return this;
  }

  public RunOptionsBuilder update(boolean replace) {
    update = replace;
    return this;
  }

  public RunOptionsBuilder runs(int count) {
    runs = count;
    return this;
  }

  public RunOptionsBuilder noise(NoiseMode mode) {
    noise = mode;
    return this;
  }

  public RunOptionsBuilder out(Optional<Path> folder) {
    out = folder;
    return this;
  }

  public RunOptionsBuilder pendingOnly(boolean pending) {
    pendingOnly = pending;
    return this;
  }

  public RunOptionsBuilder clock(Clock time) {
    clock = time;
    return this;
  }

  public RunOptionsBuilder candidateVersion(Optional<SemanticVersion> version) {
    candidateVersion = version;
    return this;
  }

  public RunOptionsBuilder shard(Optional<Shard> part) {
    shard = part;
    return this;
  }

  public RunOptions build() {
    return new RunOptions(
        filter, jobs, update, runs, noise, out, pendingOnly, clock, candidateVersion, shard);
  }
}
