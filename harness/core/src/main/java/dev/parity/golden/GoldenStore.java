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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The goldens of one suite: {@code <folder>/<case-id>/} holds {@code meta.yaml} (scalar values and
 * the list of streams) and one file per stream, byte for byte as the legacy side wrote it: {@code
 * stdout}, {@code stderr}, and {@code files/<path>} for output files.
 *
 * <p>Every file is written atomically and {@code meta.yaml} last; {@code meta.yaml} holds a SHA-256
 * of every stream, so a golden edited by hand or left inconsistent by an interrupted record is
 * reported instead of being compared against.
 */
public final class GoldenStore {
  public static final String META = "meta.yaml";

  /**
   * A readable view written beside a JSON {@code body}; never read back, the raw body is what is
   * compared.
   */
  public static final String JSON_BODY_VIEW = "body.pretty.json";

  private static final String FILES_DIR = "files/";
  private static final String HEADER =
      "# Golden recorded by `parity record` from the legacy implementation.\n"
          + "# Streams are stored byte for byte beside this file. Re-record with `parity record --update`.\n";

  /**
   * How {@code meta.yaml} files are read and written (keys sorted, minimal quotes); shared by the
   * run archive.
   */
  public static final YAMLMapper META_YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final Path folder;

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

  record Meta(
      String id,
      SortedMap<String, String> values,
      List<String> streams,
      SortedMap<String, String> sha256) {}

  /** The golden of a case, or empty when none was recorded. */
  public Optional<Observation> read(String caseId) {
    Path dir = caseFolder(caseId);
    Path metaFile = dir.resolve(META);
    if (!Files.isRegularFile(metaFile)) {
      return Optional.empty();
    }
    Meta meta;
    try {
      meta = META_YAML.readValue(metaFile.toFile(), Meta.class);
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
        byte[] content = Files.readAllBytes(file);
        String expected = meta.sha256() == null ? null : meta.sha256().get(stream);
        if (expected != null && !expected.equals(sha256(content))) {
          throw new GoldenException(
              file,
              "golden stream ["
                  + stream
                  + "] does not match the checksum in "
                  + META
                  + " (edited by hand, or a record was interrupted)");
        }
        streams.put(stream, content);
      } catch (NoSuchFileException e) {
        throw new GoldenException(file, "golden stream [" + stream + "] is missing");
      } catch (IOException e) {
        throw new GoldenException(
            file, "cannot read golden stream [" + stream + "]: " + e.getMessage());
      }
    }
    return Optional.of(
        new Observation(
            meta.values() == null ? new TreeMap<>() : meta.values(), streams, Duration.ZERO));
  }

  /** The ids of every case that has a golden here, sorted. */
  public List<String> caseIds() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(p -> p.getFileName().toString().equals(META) && !p.getParent().equals(folder))
          .map(p -> folder.relativize(p.getParent()).toString().replace('\\', '/'))
          // An output file that happens to be called meta.yaml lies under files/ of a case; its id
          // is not its path.
          .filter(id -> readIfIntact(id).isPresent() && idOf(id).map(id::equals).orElse(false))
          .sorted()
          .toList();
    }
  }

  private Optional<String> idOf(String caseId) {
    try {
      return Optional.ofNullable(
          META_YAML.readValue(caseFolder(caseId).resolve(META).toFile(), Meta.class).id());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The golden of a case, or empty when none was recorded or it is damaged. */
  public Optional<Observation> readIfIntact(String caseId) {
    try {
      return read(caseId);
    } catch (GoldenException damaged) {
      return Optional.empty();
    }
  }

  /**
   * Stores {@code observation} as the golden of {@code caseId}. An existing golden with other
   * content is replaced only when {@code update} is set.
   */
  public WriteResult write(String caseId, Observation observation, boolean update)
      throws IOException {
    // A damaged golden blocks a plain record (the error says to use --update) but not an update.
    Optional<Observation> existing = update ? readIfIntact(caseId) : read(caseId);
    if (existing.isPresent() && existing.get().sameContentAs(observation)) {
      return WriteResult.UNCHANGED;
    }
    if (existing.isPresent() && !update) {
      return WriteResult.KEPT;
    }
    Path dir = caseFolder(caseId);
    boolean replacing = existing.isPresent() || Files.exists(dir.resolve(META));
    for (Map.Entry<String, byte[]> stream : observation.streams().entrySet()) {
      AtomicFiles.write(dir.resolve(fileName(stream.getKey())), stream.getValue());
    }
    TreeMap<String, String> checksums = new TreeMap<>();
    observation.streams().forEach((name, bytes) -> checksums.put(name, sha256(bytes)));
    Meta meta =
        new Meta(
            caseId,
            observation.values(),
            new ArrayList<>(observation.streams().keySet()),
            checksums);
    AtomicFiles.write(
        dir.resolve(META),
        (HEADER + META_YAML.writeValueAsString(meta)).getBytes(StandardCharsets.UTF_8));
    writeViews(dir, observation);
    if (existing.isPresent()) {
      for (String stale : existing.get().streams().keySet()) {
        if (!observation.streams().containsKey(stale)) {
          Files.deleteIfExists(dir.resolve(fileName(stale)));
        }
      }
      return WriteResult.UPDATED;
    }
    return replacing ? WriteResult.UPDATED : WriteResult.CREATED;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void writeViews(Path dir, Observation observation) throws IOException {
    Optional<byte[]> pretty = observation.stream(Observation.BODY).flatMap(JsonView::pretty);
    Path view = dir.resolve(JSON_BODY_VIEW);
    if (pretty.isPresent()) {
      AtomicFiles.write(view, pretty.get());
    } else {
      Files.deleteIfExists(view);
    }
  }

  /** Where a stream is stored, relative to the case folder. */
  public static String fileName(String stream) {
    if (stream.startsWith(Observation.FILE_PREFIX)) {
      return FILES_DIR + stream.substring(Observation.FILE_PREFIX.length());
    }
    if (stream.equals(META)
        || stream.equals(JSON_BODY_VIEW)
        || stream.contains("/")
        || stream.startsWith(".")) {
      throw new IllegalArgumentException(
          "stream name [" + stream + "] cannot be stored as a golden file");
    }
    return stream;
  }
}
