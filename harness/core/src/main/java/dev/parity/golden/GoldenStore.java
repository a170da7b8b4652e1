package dev.parity.golden;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.run.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The goldens of one suite: {@code <folder>/<case-id>/} holds {@code meta.yaml} (scalar values and
 * the list of streams) and one file per stream, byte for byte as the legacy side wrote it: {@code
 * stdout}, {@code stderr}, and {@code files/<path>} for output files.
 *
 * <p>A case's golden is replaced as a whole ({@link CaseSwap}), under a lock that one process holds
 * at a time ({@link GoldenLock}); what a crashed record left is completed or undone when the next
 * one takes the lock. {@code meta.yaml} holds a SHA-256 of every stream, so a golden edited by hand
 * is reported instead of being compared against. No symbolic link below the folder is followed when
 * writing.
 */
public final class GoldenStore {
  public static final String META = "meta.yaml";

  /** A readable view written beside a JSON {@code body}; never read back nor compared. */
  public static final String JSON_BODY_VIEW = "body.pretty.json";

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

  /** How long a record waits for another one holding the lock before it gives up. */
  private static final Duration PATIENCE = Duration.ofSeconds(3);

  private final Path folder;

  /** Serializes this process's swaps against its reads: case {@code a}'s swap moves {@code a/b}. */
  private final ReentrantReadWriteLock swaps = new ReentrantReadWriteLock();

  private volatile @Nullable GoldenLock held;

  private final FreeSpace space;

  public GoldenStore(Path folder) {
    this(folder, FreeSpace.DISK);
  }

  /** A store that asks {@code space} how many bytes are free (tests simulate a full disk). */
  public GoldenStore(Path folder, FreeSpace space) {
    this.folder = folder.toAbsolutePath().normalize();
    this.space = space;
  }

  /** The right to write this store's goldens, until closed. */
  public interface Lock extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes the suite's golden lock for a whole record (waiting briefly for another holder), refuses
   * a golden folder holding a symbolic link, and completes or undoes what a crashed record left.
   *
   * @throws GoldenException when the lock is held elsewhere, a link is found or the folder is not
   *     writable
   */
  public synchronized Lock lock() {
    if (held != null) {
      return () -> {};
    }
    GoldenLock acquired;
    try {
      acquired = GoldenLock.acquire(folder, PATIENCE);
    } catch (IOException e) {
      throw unwritable(e);
    }
    try {
      Leftovers.clean(folder, META, GoldenFiles::listed);
    } catch (IOException | RuntimeException e) {
      acquired.close();
      throw e instanceof IOException io ? unwritable(io) : (RuntimeException) e;
    }
    held = acquired;
    return () -> {
      synchronized (this) {
        held = null;
        acquired.close();
      }
    };
  }

  private GoldenException unwritable(IOException e) {
    return CaseSwap.denied(e)
        ? CaseSwap.denied(e, folder)
        : new GoldenException(
            folder,
            "cannot prepare the golden folder for writing: " + e,
            "check that it is a folder you can write, or choose another with --golden DIR");
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

  /** The golden of a case, or empty when none was recorded. */
  public Optional<Observation> read(String caseId) {
    return readGolden(caseId).map(ReadGolden::observation);
  }

  /**
   * The golden of a case with its {@link #state} as of this read, or empty when none was recorded.
   */
  public Optional<ReadGolden> readGolden(String caseId) {
    swaps.readLock().lock();
    try {
      return readUnlocked(caseId);
    } finally {
      swaps.readLock().unlock();
    }
  }

  private Optional<ReadGolden> readUnlocked(String caseId) {
    Path dir = caseFolder(caseId);
    Path metaFile = dir.resolve(META);
    NoLinks.refuse(folder, metaFile);
    if (!Files.isRegularFile(metaFile)) {
      if (Leftovers.beingReplaced(folder, caseId)) {
        throw new GoldenException(
            dir,
            "the golden is incomplete: a `parity record` is replacing it right now, or one was"
                + " interrupted",
            "run `parity record` again: it completes or undoes the interrupted replacement");
      }
      return Optional.empty();
    }
    return Optional.of(GoldenReader.read(folder, dir, caseId));
  }

  /**
   * What the golden of {@code caseId} is now: the SHA-256 of its meta.yaml, or {@code none}. A
   * pending result notes it, so that {@code accept} can tell the golden was replaced since.
   */
  public String state(String caseId) {
    swaps.readLock().lock();
    try {
      return GoldenFiles.state(caseFolder(caseId));
    } finally {
      swaps.readLock().unlock();
    }
  }

  /**
   * One SHA-256 of the {@link #state} and the accepted difference of each of {@code caseIds}: runs
   * that read the same goldens for them have the same (a sharded run's shards must).
   */
  public String states(Collection<String> caseIds) {
    swaps.readLock().lock();
    try {
      return GoldenStates.of(folder, caseIds);
    } finally {
      swaps.readLock().unlock();
    }
  }

  /** The ids of every case that has a golden here, sorted. */
  public List<String> caseIds() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    swaps.readLock().lock();
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(p -> p.getFileName().toString().equals(META) && !folder.equals(p.getParent()))
          // Hidden folders are swaps in progress or interrupted, not cases.
          .filter(p -> !folder.relativize(p).toString().matches("(.*/)?\\..*"))
          .map(p -> folder.relativize(p.getParent()).toString().replace('\\', '/'))
          // An output file that happens to be called meta.yaml lies under files/ of a case; its id
          // is not its path.
          .filter(id -> readIfIntact(id).isPresent() && idOf(id).map(id::equals).orElse(false))
          .sorted()
          .toList();
    } finally {
      swaps.readLock().unlock();
    }
  }

  /** The goldens here whose case is not one of {@code caseIds}. */
  public Orphans orphans(Collection<String> caseIds) throws IOException {
    Set<String> cases = Set.copyOf(caseIds);
    return new Orphans(folder, caseIds().stream().filter(id -> !cases.contains(id)).toList());
  }

  private Optional<String> idOf(String caseId) {
    return GoldenFiles.idIn(caseFolder(caseId));
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
   * content is replaced only when {@code update} is set, and then as a whole (keeping its {@code
   * accepted/} folder). Takes the lock for this one write when {@link #lock} is not held.
   */
  public WriteResult write(String caseId, Observation observation, boolean update)
      throws IOException {
    return locked(() -> writeLocked(caseId, observation, update));
  }

  /**
   * Replaces the golden of {@code caseId} with a new legacy observation (an accepted pending one).
   */
  public WriteResult replace(String caseId, Observation legacy) throws IOException {
    return write(caseId, legacy, true);
  }

  /** The accepted difference of a case, or empty when it has none. */
  public Optional<Accepted> accepted(String caseId) {
    swaps.readLock().lock();
    try {
      return AcceptedFiles.read(folder, caseFolder(caseId), caseId);
    } finally {
      swaps.readLock().unlock();
    }
  }

  /**
   * Records {@code candidate} as an intended difference of the case from its golden, replacing the
   * one it had, in {@code <case>/accepted/}.
   *
   * @throws GoldenException when the case has no golden, or the folder is locked elsewhere
   */
  public void accept(String caseId, Observation candidate, AcceptedDifference difference)
      throws IOException {
    locked(() -> GoldenEdits.accept(this, caseId, Accepted.of(difference, candidate)));
  }

  /**
   * Deletes the goldens of {@code caseIds} with their accepted differences (not the goldens of
   * nested cases).
   *
   * @throws GoldenException when one has no golden here (nothing is deleted then)
   */
  public void prune(List<String> caseIds) throws IOException {
    locked(() -> GoldenEdits.prune(this, caseIds));
  }

  interface Write {
    WriteResult run() throws IOException;
  }

  /** Runs {@code write} under the lock (taken for it alone when not held) and the swap lock. */
  private WriteResult locked(Write write) throws IOException {
    if (held == null) {
      try (Lock lock = lock()) {
        return locked(write);
      }
    }
    swaps.writeLock().lock();
    try {
      return write.run();
    } catch (IOException e) {
      if (CaseSwap.denied(e)) {
        throw CaseSwap.denied(e, folder);
      }
      throw e;
    } finally {
      swaps.writeLock().unlock();
    }
  }

  private WriteResult writeLocked(String caseId, Observation observation, boolean update)
      throws IOException {
    // A damaged golden blocks a plain record (the error says to use --update) but not an update.
    Optional<Observation> existing = update ? readIfIntact(caseId) : read(caseId);
    if (existing.isPresent() && existing.get().sameContentAs(observation)) {
      return WriteResult.UNCHANGED;
    }
    if (existing.isPresent() && !update) {
      return WriteResult.KEPT;
    }
    boolean replacing =
        existing.isPresent()
            || Files.exists(caseFolder(caseId).resolve(META), LinkOption.NOFOLLOW_LINKS);
    GoldenEdits.refuseToBury(this, caseId, observation);
    CaseSwap.replace(
        folder, caseId, META, fresh -> GoldenFiles.fill(fresh, caseId, observation, space));
    return replacing ? WriteResult.UPDATED : WriteResult.CREATED;
  }

  /** Where a stream is stored, relative to the case folder. */
  public static String fileName(String stream) {
    return GoldenFiles.fileName(stream);
  }
}
