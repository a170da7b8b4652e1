package dev.parity.golden;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.run.Observation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The goldens of one suite: {@code <folder>/<case-id>/} holds {@code meta.yaml} (scalar values and
 * the list of streams) and one file per stream, byte for byte as the legacy side wrote it: {@code
 * stdout}, {@code stderr}, and {@code files/<path>} for output files.
 *
 * <p>Every file is written atomically and {@code meta.yaml} last, so an interrupted record leaves
 * either the old golden or the new one.
 */
public final class GoldenStore {
  public static final String META = "meta.yaml";
  private static final String FILES_DIR = "files/";
  private static final String HEADER =
      "# Golden recorded by `parity record` from the legacy implementation.\n"
          + "# Streams are stored byte for byte beside this file. Re-record with `parity record --update`.\n";

  private final Path folder;
  private final YAMLMapper yaml =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public GoldenStore(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  public Path folder() {
    return folder;
  }

  /** The folder of one case's golden. */
  public Path caseFolder(String caseId) {
    return folder.resolve(caseId);
  }

  /** What {@link #write} did. */
  public enum WriteResult {
    CREATED,
    UNCHANGED,
    UPDATED,
    /** The golden differs and was left alone because no update was asked for. */
    KEPT
  }

  record Meta(String id, SortedMap<String, String> values, List<String> streams) {}

  /** The golden of a case, or empty when none was recorded. */
  public Optional<Observation> read(String caseId) {
    Path dir = caseFolder(caseId);
    Path metaFile = dir.resolve(META);
    if (!Files.isRegularFile(metaFile)) {
      return Optional.empty();
    }
    Meta meta;
    try {
      meta = yaml.readValue(metaFile.toFile(), Meta.class);
    } catch (IOException e) {
      throw new GoldenException(metaFile, "unreadable golden metadata (" + e.getMessage() + ")");
    }
    if (meta == null || meta.streams() == null) {
      throw new GoldenException(metaFile, "golden metadata lists no streams");
    }
    TreeMap<String, byte[]> streams = new TreeMap<>();
    for (String stream : meta.streams()) {
      Path file = dir.resolve(fileName(stream));
      try {
        streams.put(stream, Files.readAllBytes(file));
      } catch (NoSuchFileException e) {
        throw new GoldenException(file, "golden stream [" + stream + "] is missing");
      } catch (IOException e) {
        throw new GoldenException(file, "cannot read golden stream [" + stream + "]: " + e.getMessage());
      }
    }
    return Optional.of(
        new Observation(meta.values() == null ? new TreeMap<>() : meta.values(), streams, Duration.ZERO));
  }

  /**
   * Stores {@code observation} as the golden of {@code caseId}. An existing golden with other
   * content is replaced only when {@code update} is set.
   */
  public WriteResult write(String caseId, Observation observation, boolean update) throws IOException {
    Optional<Observation> existing = read(caseId);
    if (existing.isPresent() && existing.get().sameContentAs(observation)) {
      return WriteResult.UNCHANGED;
    }
    if (existing.isPresent() && !update) {
      return WriteResult.KEPT;
    }
    Path dir = caseFolder(caseId);
    for (Map.Entry<String, byte[]> stream : observation.streams().entrySet()) {
      AtomicFiles.write(dir.resolve(fileName(stream.getKey())), stream.getValue());
    }
    Meta meta = new Meta(caseId, observation.values(), new ArrayList<>(observation.streams().keySet()));
    AtomicFiles.write(dir.resolve(META), (HEADER + yaml.writeValueAsString(meta)).getBytes(StandardCharsets.UTF_8));
    if (existing.isPresent()) {
      for (String stale : existing.get().streams().keySet()) {
        if (!observation.streams().containsKey(stale)) {
          Files.deleteIfExists(dir.resolve(fileName(stale)));
        }
      }
      return WriteResult.UPDATED;
    }
    return WriteResult.CREATED;
  }

  /** Where a stream is stored, relative to the case folder. */
  public static String fileName(String stream) {
    if (stream.startsWith(Observation.FILE_PREFIX)) {
      return FILES_DIR + stream.substring(Observation.FILE_PREFIX.length());
    }
    if (stream.equals(META) || stream.contains("/") || stream.startsWith(".")) {
      throw new IllegalArgumentException("stream name [" + stream + "] cannot be stored as a golden file");
    }
    return stream;
  }

}
