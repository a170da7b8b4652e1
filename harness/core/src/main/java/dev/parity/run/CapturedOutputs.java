package dev.parity.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
   * the limit moves from the working folder (deleted next) to the spool. A symbolic link on the way
   * (the output itself, or a folder above it) is followed only to a file inside the working folder,
   * and such a file is copied, never moved; a link that leads elsewhere is not read: its
   * description is returned, for a failed run.
   *
   * @throws IOException when the produced file cannot be read
   * @throws SpoolException when it could not be moved to the spool
   */
  Optional<String> file(String output, Path workdir) throws IOException {
    Path produced = workdir.resolve(output);
    Optional<Path> link = linkOnTheWay(workdir, output);
    if (link.isPresent()) {
      Optional<String> outside = leadsOutside(workdir, produced, link.get(), output);
      if (outside.isPresent()) {
        return outside;
      }
    }
    if (!Files.isRegularFile(produced)) {
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
      if (link.isPresent()) {
        Files.copy(produced, file.get(), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(produced, file.get(), StandardCopyOption.REPLACE_EXISTING);
      }
      spooled.put(stream, new Spooled(file.get(), size));
    } catch (IOException e) {
      throw notKept("output file [" + output + "]", size, file, e);
    }
    return Optional.empty();
  }

  /**
   * The first symbolic link on the way from {@code workdir} to {@code output} in it, the output
   * itself included.
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

  /**
   * Why {@code produced}, reached through {@code link}, is not read: it leads out of {@code
   * workdir} (to a file of anyone's, such as the expected output, or one a large output's move to
   * the spool would take away), or cannot be resolved (a loop); empty when it stays inside, or
   * leads nowhere (a missing output).
   */
  private static Optional<String> leadsOutside(
      Path workdir, Path produced, Path link, String output) throws IOException {
    String what =
        "declared output file ["
            + output
            + "] is reached through a symbolic link ("
            + workdir.relativize(link)
            + " -> "
            + Files.readSymbolicLink(link)
            + ")";
    String fix =
        "; Parity reads a program's outputs only inside its working folder: have the program write"
            + " the file there itself, or link only to a file in that folder";
    Path real;
    try {
      real = produced.toRealPath();
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException unresolved) {
      return Optional.of(what + " that cannot be followed (" + unresolved + ")" + fix);
    }
    if (real.startsWith(workdir.toRealPath())) {
      return Optional.empty();
    }
    return Optional.of(what + " leading out of its working folder, to " + real + fix);
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
