package dev.parity.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a finished command produced (stdout, stderr, declared output files), each kept in memory up
 * to a limit and past it on disk ({@link Spooled}); what cannot be kept is said, never dropped.
 */
final class CapturedOutputs {
  private final String caseId;
  private final long maxOutputBytes;
  private final TreeMap<String, byte[]> streams = new TreeMap<>();
  private final TreeMap<String, Spooled> spooled = new TreeMap<>();

  CapturedOutputs(String caseId, long maxOutputBytes) {
    this.caseId = caseId;
    this.maxOutputBytes = maxOutputBytes;
  }

  /** Keeps a captured stream in memory or, past the limit, its spool file; else why it failed. */
  Optional<String> stream(String stream, SpoolingBuffer buffer) {
    try {
      Optional<Spooled> onDisk = buffer.finish();
      if (onDisk.isPresent()) {
        spooled.put(stream, onDisk.get());
      } else {
        streams.put(stream, buffer.bytes());
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(notKept(stream, buffer.count(), e));
    }
  }

  /**
   * Keeps the declared output file {@code output} if the run {@code produced} it; one over the
   * limit moves from the working folder (deleted next) to the spool. Empty, or why it failed.
   */
  Optional<String> file(String output, Path produced) throws IOException {
    if (!Files.isRegularFile(produced)) {
      return Optional.empty();
    }
    String stream = Observation.FILE_PREFIX + output;
    long size = Files.size(produced);
    if (size <= maxOutputBytes) {
      streams.put(stream, Files.readAllBytes(produced));
      return Optional.empty();
    }
    try {
      spooled.put(stream, new Spooled(spoolFile(stream, produced), size));
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(notKept("output file [" + output + "]", size, e));
    }
  }

  TreeMap<String, byte[]> streams() {
    return streams;
  }

  TreeMap<String, Spooled> spooled() {
    return spooled;
  }

  private Path spoolFile(String stream, Path produced) throws IOException {
    Path file = Spool.newFile(caseId, stream);
    if (Files.isSymbolicLink(produced)) {
      Files.copy(produced, file, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.move(produced, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private static String notKept(String what, long size, IOException e) {
    return what
        + " of "
        + size
        + " bytes (over the in-memory limit) could not be kept on disk in "
        + System.getProperty("java.io.tmpdir")
        + ": "
        + e.getMessage()
        + " (free disk space there, or point -Djava.io.tmpdir at a larger disk)";
  }
}
