package dev.parity.bench.hotpath;

import dev.parity.golden.GoldenStore;
import dev.parity.report.Reports;
import dev.parity.run.Observation;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Writing verdict.json and junit.xml, and storing and reading goldens. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmarks {
  @Param({"1000"})
  public int cases;

  private Verdict verdict;
  private Observation observation;
  private Path folder;
  private GoldenStore goldens;
  private int next;

  @Setup
  public void prepare() throws IOException {
    verdict = Inputs.verdict(cases);
    observation = Inputs.observation(Inputs.lines(1_000));
    folder = Files.createTempDirectory("parity-hotpath-");
    goldens = new GoldenStore(folder.resolve("golden"));
  }

  @TearDown
  public void cleanUp() throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public String verdictJson() {
    return VerdictJson.toJson(verdict);
  }

  @Benchmark
  public List<Path> writeReports() throws IOException {
    return Reports.standard().writeAll(verdict, folder.resolve("reports"));
  }

  @Benchmark
  public Observation writeAndReadGolden() {
    try {
      String id = "case-" + (next++ % 100);
      goldens.write(id, observation, true);
      return goldens.read(id).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
