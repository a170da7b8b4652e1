package dev.parity.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
   * Keeps the declared output file {@code output} if the run wrote it in {@code workdir}; one over
   * the limit moves from the working folder (deleted next) to the spool. An output that is a
   * symbolic link, or lies under one, is not read: its description is returned, for a failed run.
   *
   * @throws IOException when the produced file cannot be read
   * @throws SpoolException when it could not be moved to the spool
   */
  Optional<String> file(String output, Path workdir) throws IOException {
    Optional<Path> link = linkOnTheWay(workdir, output);
    if (link.isPresent()) {
      return Optional.of(
          "declared output file ["
              + output
              + "] is a symbolic link ("
              + workdir.relativize(link.get())
              + " -> "
              + Files.readSymbolicLink(link.get())
              + "), which Parity does not follow: a link may lead to any file, outside the"
              + " working folder too, or change after the run; have the program write the file"
              + " itself, or declare the file the link leads to");
    }
    Path produced = workdir.resolve(output);
    if (!Files.isRegularFile(produced, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String stream = Observation.FILE_PREFIX + output;
    long size = Files.size(produced);
    if (size <= maxOutputBytes) {
      streams.put(stream, Files.readAllBytes(produced));
      return Optional.empty();
    }
    Optional<Path> file = Optional.empty();
    try {
      file = Optional.of(spool.newFile(caseId, stream));
      Files.move(produced, file.get(), StandardCopyOption.REPLACE_EXISTING);
      spooled.put(stream, new Spooled(file.get(), size));
    } catch (IOException e) {
      throw notKept("output file [" + output + "]", size, file, e);
    }
    return Optional.empty();
  }

  /**
   * The first symbolic link on the way from {@code workdir} to {@code output} in it, the output
   * itself included: reading through one (or moving what it leads to) would take a file from
   * anywhere.
   */
  private static Optional<Path> linkOnTheWay(Path workdir, String output) {
    Path relative = workdir.relativize(workdir.resolve(output));
    for (int i = 1; i <= relative.getNameCount(); i++) {
      Path step = workdir.resolve(relative.subpath(0, i));
      if (Files.isSymbolicLink(step)) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
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
