package dev.parity.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.files.AtomicFiles;
import dev.parity.files.FileTrees;
import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.run.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The observations a run stored in its output folder, so that reports can show outputs and be
 * rebuilt by {@code parity report} without running anything again.
 *
 * <p>Layout, per case and side, in the golden store's format (outputs only for cases whose sides
 * differ): {@code observations/<case-id>/<side>/raw/} ({@code meta.yaml}, {@code stdout}, {@code
 * stderr}, {@code files/<path>}), {@code .../normalized/} only when normalization changed
 * something, and {@code .../repro.sh}, the command line that reproduces that side. Streams longer
 * than {@link #maxStreamBytes()} are cut, and {@code meta.yaml} lists them under {@code
 * parity.truncated}. A case whose sides are the same writes nothing of its own: the commands that
 * reproduce its sides go to one file for the whole run, {@code observations/repro.json} ({@code
 * {"<case-id>": {"legacy": "...", "candidate": "..."}}}), written by {@link ArchiveSink#finish()}.
 */
public final class RunArchive {
  /** The folder inside the output folder. */
  public static final String FOLDER = "observations";

  /** The value naming the streams that were cut to the size bound. */
  public static final String TRUNCATED = "parity.truncated";

  public static final long DEFAULT_MAX_STREAM_BYTES = 1L << 20;
  static final String REPRO = "repro.sh";

  /** The one file holding the repro commands of every case whose sides were the same. */
  public static final String REPRO_INDEX = "repro.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Map<String, String>>> INDEX_TYPE =
      new TypeReference<>() {};

  private final Path folder;
  private final long maxStreamBytes;
  // Read once, on the first repro a report asks for.
  private volatile @Nullable Map<String, Map<String, String>> index;

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

  /**
   * Adds what another run stored (a shard's, for {@code parity merge}); the runs' cases must be
   * disjoint: a case stored by both fails.
   */
  public void absorb(RunArchive other) throws IOException {
    Path otherIndex = other.folder.resolve(REPRO_INDEX);
    FileTrees.copyInto(other.folder, folder, otherIndex::equals);
    if (!Files.isRegularFile(otherIndex)) {
      return;
    }
    index = null;
    Map<String, Map<String, String>> merged = new TreeMap<>(index());
    for (Map.Entry<String, Map<String, String>> entry : other.index().entrySet()) {
      if (merged.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
        throw new IOException(
            "case ["
                + entry.getKey()
                + "] is in "
                + otherIndex
                + " and in "
                + folder.resolve(REPRO_INDEX));
      }
    }
    writeIndex(merged);
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
   * (the case passes) nothing is written for the case, its repro commands are kept for {@link
   * ArchiveSink#finish()}; otherwise both sides' outputs and repro commands are stored at once, so
   * a large suite that mostly passes writes one file, not a folder per case.
   */
  public ArchiveSink sink(Suite suite) {
    return new ArchiveSink(this, suite);
  }

  /** The shell commands that reproduce one side of a case, as every repro script writes them. */
  public static String script(Suite suite, Side side, Case testCase) {
    return Repro.of(suite, side, testCase);
  }

  /** Writes the repro commands of the cases whose sides were the same, in one file. */
  void writeIndex(Map<String, Map<String, String>> passed) throws IOException {
    Files.createDirectories(folder);
    AtomicFiles.replace(folder.resolve(REPRO_INDEX), JSON.writeValueAsBytes(passed));
    index = null;
  }

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

  /**
   * The command that reproduces one side of a case, if stored: beside its outputs, or for a case
   * whose sides were the same in {@link #REPRO_INDEX}.
   */
  public Optional<String> repro(String caseId, Side side) {
    // The index first: a run puts a case there or in a folder of its own, never both, and most
    // cases of a large run are there; looking for their repro.sh first cost every passing case two
    // failed lookups (each an exception thrown inside the JDK) while the HTML report was written.
    String indexed = index().getOrDefault(caseId, Map.of()).get(side.label());
    if (indexed != null) {
      return Optional.of(indexed);
    }
    Path file = sideFolder(caseId, side).resolve(REPRO);
    try {
      if (Files.isRegularFile(file)) {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private Map<String, Map<String, String>> index() {
    Map<String, Map<String, String>> read = index;
    if (read == null) {
      Path file = folder.resolve(REPRO_INDEX);
      try {
        read = Files.isRegularFile(file) ? JSON.readValue(file.toFile(), INDEX_TYPE) : Map.of();
      } catch (IOException e) {
        // A damaged index costs the passing cases their repro commands, not the report.
        read = Map.of();
      }
      index = read;
    }
    return read;
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
    for (String stream : observation.names()) {
      // Spooled streams too: only their first bytes are kept, read from disk.
      byte[] bytes;
      try (InputStream in = observation.open(stream)) {
        bytes = in.readNBytes((int) Math.min(maxStreamBytes, Integer.MAX_VALUE - 8));
      }
      if (observation.size(stream) > bytes.length) {
        truncated.add(stream);
      }
      Path file = dir.resolve(GoldenStore.fileName(stream));
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
    meta.put("streams", new ArrayList<>(observation.names()));
    Files.writeString(
        dir.resolve(GoldenStore.META),
        GoldenStore.META_YAML.writeValueAsString(meta),
        StandardCharsets.UTF_8);
  }
}
