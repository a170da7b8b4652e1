package dev.parity.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a finished command produced (stdout, stderr, declared output files), each kept in memory up
 * to a limit and past it on disk ({@link Spooled}); what cannot be kept stops the run ({@link
 * SpoolException}), never dropped.
 */
final class CapturedOutputs {
  private final String caseId;
  private final long maxOutputBytes;
  private final Spool.Allocator spool;
  private final TreeMap<String, byte[]> streams = new TreeMap<>();
  private final TreeMap<String, Spooled> spooled = new TreeMap<>();

  CapturedOutputs(String caseId, long maxOutputBytes, Spool.Allocator spool) {
    this.caseId = caseId;
    this.maxOutputBytes = maxOutputBytes;
    this.spool = spool;
  }

  /**
   * Keeps a captured stream in memory or, past the limit, its spool file.
   *
   * @throws SpoolException when the spool file could not be written
   */
  void stream(String stream, SpoolingBuffer buffer) {
    try {
      Optional<Spooled> onDisk = buffer.finish();
      if (onDisk.isPresent()) {
        spooled.put(stream, onDisk.get());
      } else {
        streams.put(stream, buffer.bytes());
      }
    } catch (IOException e) {
      throw notKept(stream, buffer.count(), buffer.file(), e);
    }
  }

  /**
   * Keeps the declared output file {@code output} if the run {@code produced} it; one over the
   * limit moves from the working folder (deleted next) to the spool.
   *
   * @throws IOException when the produced file cannot be read
   * @throws SpoolException when it could not be moved to the spool
   */
  void file(String output, Path produced) throws IOException {
    if (!Files.isRegularFile(produced)) {
      return;
    }
    String stream = Observation.FILE_PREFIX + output;
    long size = Files.size(produced);
    if (size <= maxOutputBytes) {
      streams.put(stream, Files.readAllBytes(produced));
      return;
    }
    Optional<Path> file = Optional.empty();
    try {
      file = Optional.of(spool.newFile(caseId, stream));
      if (Files.isSymbolicLink(produced)) {
        Files.copy(produced, file.get(), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(produced, file.get(), StandardCopyOption.REPLACE_EXISTING);
      }
      spooled.put(stream, new Spooled(file.get(), size));
    } catch (IOException e) {
      throw notKept("output file [" + output + "]", size, file, e);
    }
  }

  TreeMap<String, byte[]> streams() {
    return streams;
  }

  TreeMap<String, Spooled> spooled() {
    return spooled;
  }

  private SpoolException notKept(String what, long size, Optional<Path> file, IOException e) {
    Path folder =
        file.map(Path::getParent).orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
    return new SpoolException(
        "cannot keep "
            + what
            + " of case ["
            + caseId
            + "] on disk: it reached "
            + size
            + " bytes, over the in-memory limit of "
            + maxOutputBytes
            + " bytes, and could not be written in "
            + folder
            + ": "
            + Objects.requireNonNullElse(e.getMessage(), e.toString())
            + " (free disk space there, or give Parity a temporary folder on a larger disk:"
            + " PARITY_JAVA_OPTS=-Djava.io.tmpdir=<folder>)",
        e);
  }
}
