package dev.parity.golden;

import static dev.parity.golden.GoldenStore.JSON_BODY_VIEW;
import static dev.parity.golden.GoldenStore.META;
import static dev.parity.golden.GoldenStore.META_YAML;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parity.files.AtomicFiles;
import dev.parity.files.Sha256;
import dev.parity.run.Observation;
import dev.parity.run.Spooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** How one case's golden is laid out in its folder: the stream files, then {@code meta.yaml}. */
final class GoldenFiles {
  private static final String HEADER =
      "# Golden recorded by `parity record` from the legacy implementation.\n"
          + "# Streams are stored byte for byte beside this file. Re-record with `parity record --update`.\n";

  /**
   * What {@code meta.yaml} holds; {@code golden} only in a pending result: {@link #state} of the
   * golden it was compared with.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Meta(
      @Nullable String id,
      @Nullable SortedMap<String, String> values,
      @Nullable List<String> streams,
      @Nullable SortedMap<String, String> sha256,
      @Nullable String golden) {}

  /** The {@link #state} of a case folder that holds no golden. */
  static final String NO_GOLDEN = "none";

  private static final String FILES_DIR = CaseSwap.FILES + "/";

  private GoldenFiles() {}

  /**
   * Reads the golden of {@code caseId} in {@code dir}, whose meta.yaml exists, checking that it is
   * that case's and every stream.
   */
  static Observation read(Path dir, String caseId) {
    return read(dir, dir, caseId);
  }

  /**
   * Like {@link #read(Path, String)}, refusing a symbolic link anywhere below {@code root} on the
   * way to each file ({@link NoLinks}).
   */
  static Observation read(Path root, Path dir, String caseId) {
    return GoldenReader.read(root, dir, caseId).observation();
  }

  /** The id a case folder's meta.yaml names, if it can be read. */
  static Optional<String> idIn(Path dir) {
    try {
      return Optional.ofNullable(META_YAML.readValue(dir.resolve(META).toFile(), Meta.class).id());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * What the golden in {@code dir} is now, to tell later whether it was replaced: the SHA-256 of
   * what its meta.yaml says (the case, its values and the checksum of every stream; not its
   * comments or line ends), or {@link #NO_GOLDEN}.
   */
  static String state(Path dir) {
    Path file = dir.resolve(META);
    if (!Files.exists(file)) {
      return NO_GOLDEN;
    }
    try {
      return Sha256.of(content(META_YAML.readValue(file.toFile(), Meta.class)));
    } catch (IOException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
  }

  /** The {@link #state} of a golden whose meta.yaml said {@code meta}. */
  static String state(Meta meta) {
    try {
      return Sha256.of(content(meta));
    } catch (IOException e) {
      throw new UncheckedIOException("a golden's metadata is always serializable", e);
    }
  }

  /** What a meta.yaml says that its state is a digest of: all but a pending result's note. */
  private static byte[] content(@Nullable Meta meta) throws IOException {
    Meta content =
        meta == null
            ? null
            : new Meta(meta.id(), meta.values(), meta.streams(), meta.sha256(), null);
    return META_YAML.writeValueAsBytes(content);
  }

  /** The {@link #state} of the golden that the pending observation in {@code dir} was judged by. */
  static Optional<String> goldenIn(Path dir) {
    try {
      return Optional.ofNullable(
          META_YAML.readValue(dir.resolve(META).toFile(), Meta.class).golden());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The stream files a case folder's meta.yaml lists, relative to it. */
  static Optional<Set<String>> listed(Path caseFolder) {
    try {
      Meta meta = META_YAML.readValue(caseFolder.resolve(META).toFile(), Meta.class);
      if (meta == null || meta.streams() == null) {
        return Optional.empty();
      }
      Set<String> files = new HashSet<>();
      for (String stream : meta.streams()) {
        files.add(fileName(stream));
      }
      return Optional.of(files);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Writes a golden into a new, empty folder: the streams, the views, and meta.yaml last. */
  static void fill(Path fresh, String caseId, Observation observation) throws IOException {
    fill(fresh, caseId, observation, FreeSpace.DISK, null, true);
  }

  /**
   * Writes a pending observation like a golden, noting the {@link #state} of the golden it was
   * judged by. Unlike a golden's, its files are not forced to disk: a pending result is a run's
   * report, made again by running again, and `accept` writes it anew as a golden; one torn by a
   * crash fails its checksums when read.
   */
  static void fillPending(Path fresh, String caseId, Observation observation, String golden)
      throws IOException {
    fill(fresh, caseId, observation, FreeSpace.DISK, golden, false);
  }

  /**
   * Like {@link #fill(Path, String, Observation)}; a golden larger than {@code space} says is left
   * is refused before anything is written, and a disk that fills up meanwhile is reported the same
   * way (both stop the run, see {@link GoldenException#outOfSpace}).
   */
  static void fill(Path fresh, String caseId, Observation observation, FreeSpace space)
      throws IOException {
    fill(fresh, caseId, observation, space, null, true);
  }

  private static void fill(
      Path fresh,
      String caseId,
      Observation observation,
      FreeSpace space,
      @Nullable String golden,
      boolean force)
      throws IOException {
    long total = 0;
    for (String stream : observation.names()) {
      total += observation.size(stream);
    }
    long usable = space.usable(fresh);
    if (total > usable) {
      throw GoldenException.outOfSpace(
          folderOf(fresh), caseId, total, usable + " bytes are free on that disk");
    }
    try {
      write(fresh, caseId, observation, golden, force);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
        throw GoldenException.outOfSpace(folderOf(fresh), caseId, total, message);
      }
      throw e;
    }
  }

  /**
   * Writes {@code stream} of {@code observation} to the new {@code file} and returns the SHA-256 of
   * the file as written, what the checksum will be checked against (by a JVM with C2 when large,
   * {@link Sha256}).
   */
  private static String writeNew(Path file, Observation observation, String stream, boolean force)
      throws IOException {
    Spooled spooled = observation.spooled().get(stream);
    if (spooled != null) {
      // Copied in the kernel (FileChannel.transferTo): a large stream is not read through the JVM.
      AtomicFiles.writeNew(file, channel -> spooled.transferTo(spooled.size(), channel), force);
    } else {
      AtomicFiles.writeNew(file, observation.stream(stream).orElseThrow(), force);
    }
    return Sha256.of(file);
  }

  /** The golden folder a case's fresh folder is made in, named in messages. */
  private static Path folderOf(Path fresh) {
    return Objects.requireNonNullElse(fresh.getParent(), fresh);
  }

  private static void write(
      Path fresh, String caseId, Observation observation, @Nullable String golden, boolean force)
      throws IOException {
    TreeMap<String, String> checksums = new TreeMap<>();
    for (String stream : observation.names()) {
      Path file = fresh.resolve(fileName(stream)).normalize();
      if (!file.startsWith(fresh) || file.equals(fresh)) {
        throw new IllegalArgumentException(
            "stream name [" + stream + "] leads out of its golden folder");
      }
      Files.createDirectories(file.getParent());
      try {
        checksums.put(stream, writeNew(file, observation, stream, force));
      } catch (IOException e) {
        throw new IOException(
            "cannot store "
                + stream
                + " ("
                + observation.size(stream)
                + " bytes) of case ["
                + caseId
                + "] in "
                + fresh.getParent()
                + ": "
                + e.getMessage()
                + " (nothing of this case's golden was replaced; free disk space and record it again)",
            e);
      }
    }
    Optional<byte[]> pretty = observation.stream(Observation.BODY).flatMap(JsonView::pretty);
    if (pretty.isPresent()) {
      AtomicFiles.writeNew(fresh.resolve(JSON_BODY_VIEW), pretty.get(), force);
    }
    Meta meta =
        new Meta(
            caseId, observation.values(), new ArrayList<>(observation.names()), checksums, golden);
    AtomicFiles.writeNew(
        fresh.resolve(META),
        (HEADER + META_YAML.writeValueAsString(meta)).getBytes(StandardCharsets.UTF_8),
        force);
  }

  /** Where a stream is stored, relative to the case folder. */
  static String fileName(String stream) {
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
