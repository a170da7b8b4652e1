package dev.parity.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmark behind {@code parity bench}: one invocation runs one side on one case (fresh
 * working directory, the real process). Public only because JMH's generated code needs it; run it
 * through {@link Bench}, which registers the target named by {@code target}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcessBenchmark {
  @Param("none")
  public String target;

  private Target resolved;

  @Setup
  public void resolve() {
    resolved = Targets.get(target);
  }

  @Benchmark
  public void run() {
    resolved.runOnce();
  }
}
