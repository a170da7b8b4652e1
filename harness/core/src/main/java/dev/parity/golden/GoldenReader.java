package dev.parity.golden;

import static dev.parity.golden.GoldenFiles.fileName;
import static dev.parity.golden.GoldenStore.META;

import dev.parity.files.Sha256;
import dev.parity.golden.GoldenFiles.Meta;
import dev.parity.run.Observation;
import dev.parity.run.Spool;
import dev.parity.run.Spooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a golden back from its folder (and so an accepted difference or a pending observation, kept
 * in the same format), trusting nothing in it: every stream is checked against its checksum in
 * {@code meta.yaml}, the golden must name its case, and no link or stream name leads out.
 */
final class GoldenReader {
  private GoldenReader() {}

  /**
   * Reads the golden of {@code caseId} in {@code dir}, whose meta.yaml exists, checking that it is
   * that case's and every stream, and refusing a symbolic link anywhere below {@code root} on the
   * way to each file ({@link NoLinks}).
   */
  static ReadGolden read(Path root, Path dir, String caseId) {
    Path metaFile = dir.resolve(META);
    NoLinks.refuse(root, metaFile);
    Meta meta;
    try {
      meta = MetaParses.read(metaFile);
    } catch (IOException e) {
      throw new GoldenException(
          YamlErrors.where(metaFile, e),
          "unreadable golden metadata (" + YamlErrors.problem(e) + ")",
          "re-record it with `parity record --update`");
    }
    if (meta == null || meta.streams() == null) {
      throw new GoldenException(metaFile, "golden metadata lists no streams");
    }
    if (!caseId.equals(meta.id())) {
      // A folder copied, moved or linked from another case's (or two ids that one file system
      // holds in one folder) would compare the candidate with another case's legacy output.
      throw GoldenException.otherCase(metaFile, caseId, meta.id());
    }
    TreeMap<String, byte[]> streams = new TreeMap<>();
    TreeMap<String, Spooled> spooled = new TreeMap<>();
    List<Runnable> checks = new ArrayList<>();
    for (String stream : meta.streams()) {
      Path file = storedAt(dir, metaFile, stream);
      NoLinks.refuse(dir, file);
      String expected = meta.sha256() == null ? null : meta.sha256().get(stream);
      try {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
          // A FIFO or a device would hang or flood the read.
          throw new GoldenException(file, "golden stream [" + stream + "] is not a regular file");
        }
        if (Files.size(file) > Spool.memoryLimit()) {
          String checksum = checksum(file, stream, expected);
          Spooled kept = spool(caseId, stream, file);
          // Hashed meanwhile, by a second JVM when large (Sha256): ReadGolden#observation waits.
          Sha256.Pending digest = Sha256.start(kept.file());
          checks.add(() -> check(file, stream, checksum, awaited(digest, file, stream)));
          spooled.put(stream, kept);
          continue;
        }
        byte[] content = Files.readAllBytes(file);
        check(file, stream, checksum(file, stream, expected), Sha256.of(content));
        streams.put(stream, content);
      } catch (NoSuchFileException e) {
        throw new GoldenException(file, "golden stream [" + stream + "] is missing");
      } catch (IOException e) {
        throw new GoldenException(
            file, "cannot read golden stream [" + stream + "]: " + e.getMessage());
      }
    }
    return new ReadGolden(
        new Observation(
            meta.values() == null ? new TreeMap<>() : meta.values(),
            streams,
            spooled,
            Duration.ZERO),
        meta,
        checks);
  }

  /**
   * Where the golden in {@code dir} keeps {@code stream}, which its {@code meta.yaml} lists: a name
   * edited by hand that no golden could have ({@code .hidden}) or that leads out of the folder
   * ({@code file:../../x}) makes the golden damaged, never a crash nor a read elsewhere.
   */
  private static Path storedAt(Path dir, Path metaFile, String stream) {
    String name;
    try {
      name = fileName(stream);
    } catch (IllegalArgumentException e) {
      throw new GoldenException(
          metaFile, "golden metadata lists stream [" + stream + "], which no golden can hold");
    }
    Path file = dir.resolve(name).normalize();
    if (!file.startsWith(dir.normalize()) || file.equals(dir.normalize())) {
      throw new GoldenException(
          metaFile,
          "golden metadata lists stream [" + stream + "], which leads out of its golden folder");
    }
    return file;
  }

  /** The checksum {@code meta.yaml} gives {@code stream}, which must have one. */
  private static String checksum(Path file, String stream, @Nullable String expected) {
    if (expected == null) {
      // meta.yaml ends with the checksums: one cut short (torn, or edited) must not let its
      // streams be read unchecked.
      throw new GoldenException(
          file,
          "golden stream ["
              + stream
              + "] has no checksum in "
              + META
              + " (cut short or edited by hand), so it cannot be trusted");
    }
    return expected;
  }

  private static void check(Path file, String stream, String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new GoldenException(
          file,
          "golden stream ["
              + stream
              + "] does not match the checksum in "
              + META
              + " (edited by hand, or a record was interrupted)");
    }
  }

  /** The digest {@code digest} computed of {@code stream}'s {@code file}. */
  private static String awaited(Sha256.Pending digest, Path file, String stream) {
    try {
      return digest.await();
    } catch (IOException e) {
      throw new GoldenException(
          file, "cannot read golden stream [" + stream + "]: " + e.getMessage());
    }
  }

  /**
   * A golden stream too large for memory, linked into the case's spool (copied where the spool is
   * on another disk): it stays readable when a record replaces the golden meanwhile.
   */
  private static Spooled spool(String caseId, String stream, Path file) throws IOException {
    Path kept = Spool.newFile(caseId, stream);
    Files.delete(kept);
    try {
      Files.createLink(kept, file);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(file, kept);
    }
    return new Spooled(kept, Files.size(kept));
  }
}
