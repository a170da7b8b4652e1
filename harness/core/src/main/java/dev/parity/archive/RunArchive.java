package dev.parity.archive;

import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.run.Observation;
import dev.parity.run.ObservationSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The observations a run stored in its output folder, so that reports can show outputs and be
 * rebuilt by {@code parity report} without running anything again.
 *
 * <p>Layout, per case and side, in the golden store's format (outputs only for cases whose sides
 * differ): {@code observations/<case-id>/<side>/raw/} ({@code meta.yaml}, {@code stdout}, {@code
 * stderr}, {@code files/<path>}), {@code .../normalized/} only when normalization changed
 * something, and {@code .../repro.sh}, the command line that reproduces that side. Streams longer
 * than {@link #maxStreamBytes()} are cut, and {@code meta.yaml} lists them under {@code
 * parity.truncated}.
 */
public final class RunArchive {
  /** The folder inside the output folder. */
  public static final String FOLDER = "observations";

  /** The value naming the streams that were cut to the size bound. */
  public static final String TRUNCATED = "parity.truncated";

  public static final long DEFAULT_MAX_STREAM_BYTES = 1L << 20;
  static final String REPRO = "repro.sh";

  private final Path folder;
  private final long maxStreamBytes;

  private RunArchive(Path folder, long maxStreamBytes) {
    this.folder = folder;
    this.maxStreamBytes = maxStreamBytes;
  }

  /** The archive of the run whose reports are in {@code outputFolder}. */
  public static RunArchive in(Path outputFolder) {
    return new RunArchive(
        outputFolder.toAbsolutePath().normalize().resolve(FOLDER), DEFAULT_MAX_STREAM_BYTES);
  }

  public RunArchive withMaxStreamBytes(long bytes) {
    return new RunArchive(folder, bytes);
  }

  public Path folder() {
    return folder;
  }

  public long maxStreamBytes() {
    return maxStreamBytes;
  }

  /** Which form of an observation. */
  public enum View {
    /** As the side produced it (in verify mode the legacy side is the golden). */
    RAW,
    /** As compared, after normalization. */
    NORMALIZED;

    String folderName() {
      return this == RAW ? "raw" : "normalized";
    }
  }

  /** Deletes what an earlier run stored, so that no stale case shows up in the next report. */
  public void clear() throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * A sink that stores what reports need; reproduction commands come from {@code suite}. The first
   * side of a case is held until the second arrives: when both compared observations are the same
   * (the case passes) only the repro commands are written, otherwise both sides' outputs too, so a
   * large suite that mostly passes costs few writes.
   */
  public ObservationSink sink(Suite suite) {
    Map<String, Pending> waiting = new HashMap<>();
    return new ObservationSink() {
      @Override
      public void accept(Case testCase, Side side, Observation raw, Observation compared) {
        pair(suite, waiting, testCase, side, raw, compared);
      }

      /**
       * In record mode the legacy place holds the golden and the candidate place the new legacy
       * run; both are reproduced by the legacy command.
       */
      @Override
      public void recorded(
          Case testCase,
          Observation golden,
          Observation goldenCompared,
          Observation run,
          Observation runCompared) {
        String repro = Repro.of(suite, Side.LEGACY, testCase);
        try {
          store(testCase.id(), Side.LEGACY, golden, goldenCompared, repro);
          store(testCase.id(), Side.CANDIDATE, run, runCompared, repro);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot store the observations of " + testCase.id(), e);
        }
      }
    };
  }

  private void pair(
      Suite suite,
      Map<String, Pending> waiting,
      Case testCase,
      Side side,
      Observation raw,
      Observation compared) {
    Pending mine = new Pending(side, raw, compared, Repro.of(suite, side, testCase));
    Pending first;
    synchronized (waiting) {
      first = waiting.remove(testCase.id());
      if (first == null) {
        waiting.put(testCase.id(), mine);
      }
    }
    if (first == null) {
      return;
    }
    boolean same = first.compared().sameContentAs(compared);
    try {
      for (Pending pending : List.of(first, mine)) {
        if (same) {
          storeRepro(testCase.id(), pending.side(), pending.repro());
        } else {
          store(testCase.id(), pending.side(), pending.raw(), pending.compared(), pending.repro());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the observations of " + testCase.id(), e);
    }
  }

  private record Pending(Side side, Observation raw, Observation compared, String repro) {}

  /** Stores only the command that reproduces one side of a case. */
  public void storeRepro(String caseId, Side side, String repro) throws IOException {
    Path sideFolder = sideFolder(caseId, side);
    Files.createDirectories(sideFolder);
    Files.writeString(sideFolder.resolve(REPRO), repro, StandardCharsets.UTF_8);
  }

  /** Stores one side's observation of a case. */
  public void store(String caseId, Side side, Observation raw, Observation compared, String repro)
      throws IOException {
    Path sideFolder = sideFolder(caseId, side);
    write(sideFolder.resolve(View.RAW.folderName()), caseId, raw);
    if (!compared.sameContentAs(raw)) {
      write(sideFolder.resolve(View.NORMALIZED.folderName()), caseId, compared);
    }
    storeRepro(caseId, side, repro);
  }

  /**
   * One side's stored observation of a case; the normalized view falls back to raw when
   * normalization changed nothing.
   */
  public Optional<Observation> read(String caseId, Side side, View view) {
    Path sideFolder = sideFolder(caseId, side);
    if (view == View.NORMALIZED
        && Files.isDirectory(sideFolder.resolve(View.NORMALIZED.folderName()))) {
      return readFolder(sideFolder.resolve(View.NORMALIZED.folderName()));
    }
    return readFolder(sideFolder.resolve(View.RAW.folderName()));
  }

  /**
   * Reads the golden store's format with one shared mapper (a GoldenStore per read would rebuild
   * its own).
   */
  private static Optional<Observation> readFolder(Path dir) {
    Path metaFile = dir.resolve(GoldenStore.META);
    if (!Files.isRegularFile(metaFile)) {
      return Optional.empty();
    }
    try {
      Meta meta = GoldenStore.META_YAML.readValue(metaFile.toFile(), Meta.class);
      TreeMap<String, byte[]> streams = new TreeMap<>();
      for (String stream : meta.streams() == null ? List.<String>of() : meta.streams()) {
        Path file = dir.resolve(GoldenStore.fileName(stream));
        if (Files.isRegularFile(file)) {
          streams.put(stream, Files.readAllBytes(file));
        }
      }
      return Optional.of(
          new Observation(
              meta.values() == null ? new TreeMap<>() : meta.values(), streams, Duration.ZERO));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored observation in " + dir, e);
    }
  }

  record Meta(String id, SortedMap<String, String> values, List<String> streams) {}

  /** Whether a normalized view different from the raw one was stored. */
  public boolean hasNormalized(String caseId, Side side) {
    return Files.isDirectory(sideFolder(caseId, side).resolve(View.NORMALIZED.folderName()));
  }

  /** The command that reproduces one side of a case, if stored. */
  public Optional<String> repro(String caseId, Side side) {
    Path file = sideFolder(caseId, side).resolve(REPRO);
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Path sideFolder(String caseId, Side side) {
    Path resolved = folder.resolve(caseId).normalize();
    if (!resolved.startsWith(folder)) {
      throw new IllegalArgumentException(
          "case id [" + caseId + "] escapes the observations folder");
    }
    return resolved.resolve(side.label());
  }

  private void write(Path dir, String caseId, Observation observation) throws IOException {
    Files.createDirectories(dir);
    List<String> truncated = new ArrayList<>();
    for (Map.Entry<String, byte[]> stream : observation.streams().entrySet()) {
      byte[] bytes = stream.getValue();
      if (bytes.length > maxStreamBytes) {
        bytes = Arrays.copyOf(bytes, (int) maxStreamBytes);
        truncated.add(stream.getKey());
      }
      Path file = dir.resolve(GoldenStore.fileName(stream.getKey()));
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    }
    TreeMap<String, String> values = new TreeMap<>(observation.values());
    if (!truncated.isEmpty()) {
      values.put(TRUNCATED, String.join(",", truncated));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("id", caseId);
    meta.put("values", values);
    meta.put("streams", new ArrayList<>(observation.streams().keySet()));
    Files.writeString(
        dir.resolve(GoldenStore.META),
        GoldenStore.META_YAML.writeValueAsString(meta),
        StandardCharsets.UTF_8);
  }
}
