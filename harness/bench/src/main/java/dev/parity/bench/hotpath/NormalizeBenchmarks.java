package dev.parity.bench.hotpath;

import dev.parity.normalize.Normalizer;
import dev.parity.normalize.Normalizers;
import dev.parity.normalize.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Normalizers on a 10,000-line log whose every line has a timestamp, a UUID and a session id. */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NormalizeBenchmarks {
  @Param({"timestamps", "uuids"})
  public String builtin;

  private String text;
  private Normalizer builtinNormalizer;
  private final Normalizer numberedRegex =
      Normalizers.regex(Pattern.compile("session=[0-9a-f]{16}"), "session=<session>", true);

  @Setup
  public void prepare() {
    List<String> lines = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      lines.add(
          String.format(
              Locale.ROOT,
              "2026-11-22T05:%02d:%02d.%03dZ INFO request %s session=%016x done in %d ms",
              i / 60 % 60,
              i % 60,
              i % 1000,
              new UUID(random.nextLong(), random.nextLong()),
              random.nextLong() & 0xffff,
              i % 97));
    }
    text = String.join("\n", lines);
    builtinNormalizer = Normalizers.builtin(builtin);
  }

  @Benchmark
  public String builtinRule() {
    return builtinNormalizer.normalize(text, new Scope());
  }

  @Benchmark
  public String numberedRegexRule() {
    return numberedRegex.normalize(text, new Scope());
  }
}
