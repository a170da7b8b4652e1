package dev.parity.bench.hotpath;

import dev.parity.diff.Comparison;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.StreamDiff;
import dev.parity.diff.TextDiffer;
import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Line diffs and whole-observation comparison, on outputs where 1% or 10% of the lines differ. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DiffBenchmarks {
  @Param({"10000"})
  public int lines;

  @Param({"100", "10"})
  public int changeEvery;

  private final TextDiffer differ = new TextDiffer();
  private final ObservationComparator comparator = new ObservationComparator();
  private List<String> legacy;
  private List<String> candidate;
  private Observation legacyObservation;
  private Observation candidateObservation;

  @Setup
  public void prepare() {
    legacy = Inputs.lines(lines);
    candidate = Inputs.changed(legacy, changeEvery);
    legacyObservation = Inputs.observation(legacy);
    candidateObservation = Inputs.observation(candidate);
  }

  @Benchmark
  public StreamDiff textDiff() {
    return differ.diff("stdout", legacy, candidate);
  }

  @Benchmark
  public Comparison compareObservations() {
    return comparator.compare(
        EnumSet.allOf(CompareTarget.class), legacyObservation, candidateObservation);
  }
}
