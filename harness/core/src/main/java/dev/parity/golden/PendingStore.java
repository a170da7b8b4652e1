package dev.parity.golden;

import static dev.parity.golden.GoldenStore.META;
import static dev.parity.golden.GoldenStore.META_YAML;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parity.files.AtomicFiles;
import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The pending results of one run's output folder: {@code <out>/pending/<case-id>/} holds {@code
 * legacy/} or {@code candidate/} (an observation in golden format, written by the same code as a
 * golden, so it can be moved into the golden folder as is) and {@code pending.yaml}.
 *
 * <p>A case's pending folder is replaced as a whole ({@link CaseSwap}, {@code pending.yaml} written
 * last), so a crash leaves the old pending result or the new one. No symbolic link below {@code
 * pending/} is followed. Writes are serialized, in this process (nested cases share folders) and
 * between processes: each one holds a lock on {@code pending/.parity.lock} ({@link GoldenLock}),
 * and {@code accept}, {@code reject} and {@code review} hold it ({@link #lock}) from reading a
 * pending result to dropping it, so a {@code verify} running meanwhile never has its new pending
 * result dropped unseen, nor its swap undone half-way by another process.
 */
public final class PendingStore {
  /** The folder of pending results inside a run's output folder. */
  public static final String FOLDER = "pending";

  /** The file that describes a pending result, written last. */
  public static final String INFO = "pending.yaml";

  private static final Set<String> OWN = Set.of(Side.LEGACY.label(), Side.CANDIDATE.label());

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"case", "suite", "source", "mode", "at", "cluster"})
  record Doc(
      @Nullable String suite,
      @Nullable String source,
      @Nullable String mode,
      @Nullable String at,
      @Nullable String cluster,
      @JsonProperty("case") @Nullable String caseId) {}

  private final Path folder;

  private final NestedLock nested;

  /** The pending results of the run whose output folder is {@code outFolder}. */
  public PendingStore(Path outFolder) {
    this.folder = outFolder.toAbsolutePath().normalize().resolve(FOLDER);
    this.nested = new NestedLock(folder, "the pending results", "`parity` command");
  }

  /** {@code <out>/pending}. */
  public Path folder() {
    return folder;
  }

  /**
   * The right to change these pending results, until closed, held by one process at a time (locks
   * of this store nest); every write takes it by itself.
   *
   * @throws GoldenException when another process holds it for longer than 3 seconds
   */
  public GoldenStore.Lock lock() throws IOException {
    return nested.take();
  }

  /**
   * Stores {@code observation} as the pending result of {@code caseId} for {@code side}, replacing
   * the case's pending result of that side; a pending result of the other side is kept (a verify
   * does not lose what a record stored, nor the other way round). It is noted as judged by no
   * golden.
   */
  public synchronized void write(
      String caseId, Side side, Observation observation, PendingInfo info) throws IOException {
    write(caseId, side, observation, info, GoldenFiles.NO_GOLDEN);
  }

  /**
   * Like {@link #write(String, Side, Observation, PendingInfo)}, noting {@code golden}: the {@link
   * GoldenStore#state} of the golden the observation was judged by, which {@link #goldenSeen} gives
   * back.
   */
  public synchronized void write(
      String caseId, Side side, Observation observation, PendingInfo info, String golden)
      throws IOException {
    try (GoldenStore.Lock lock = lock()) {
      replaceSide(
          caseId,
          side,
          fresh -> {
            Path sideFolder = Files.createDirectory(fresh.resolve(side.label()));
            GoldenFiles.fillPending(sideFolder, caseId, observation, golden);
            AtomicFiles.writeNew(fresh.resolve(INFO), yaml(caseId, info), false);
          });
    }
  }

  /**
   * The {@link GoldenStore#state} of the golden that the pending observation of {@code side} was
   * judged by; empty when it does not say (stored by an older version).
   */
  public synchronized Optional<String> goldenSeen(PendingResult result, Side side) {
    return goldenSeen(result.caseId(), side);
  }

  /** Like {@link #goldenSeen(PendingResult, Side)} for the pending result of {@code caseId}. */
  public synchronized Optional<String> goldenSeen(String caseId, Side side) {
    return GoldenFiles.goldenIn(folder.resolve(caseId).resolve(side.label()));
  }

  /** Every pending result, sorted by case id. */
  public synchronized List<PendingResult> list() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<String> ids;
    try (Stream<Path> files = Files.walk(folder)) {
      ids =
          files
              .filter(p -> p.getFileName().toString().equals(INFO))
              .map(p -> folder.relativize(p.getParent()).toString().replace('\\', '/'))
              // Hidden folders are swaps in progress or interrupted, not cases.
              .filter(id -> !id.isEmpty() && !id.matches("(.*/)?\\..*"))
              .sorted()
              .toList();
    }
    List<PendingResult> results = new ArrayList<>();
    for (String id : ids) {
      // A file called pending.yaml among a pending observation's output files names no case.
      readDoc(id)
          .filter(doc -> id.equals(doc.caseId()))
          .ifPresent(doc -> results.add(read(id, doc)));
    }
    return List.copyOf(results);
  }

  /** The pending result of {@code caseId}, or empty when it has none. */
  public synchronized Optional<PendingResult> read(String caseId) {
    return readDoc(caseId).map(doc -> read(caseId, doc));
  }

  /**
   * Deletes the pending result of {@code caseId} (not those of nested cases).
   *
   * @return whether it had one
   */
  public synchronized boolean drop(String caseId) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (GoldenStore.Lock lock = lock()) {
      finishInterrupted(caseId);
      return CaseRemoval.remove(folder, caseId, INFO, OWN);
    }
  }

  /**
   * Deletes the pending result of {@code side} of {@code caseId}, keeping the other side's; the
   * whole case's pending folder goes when no other side is left.
   *
   * @return whether it had one
   */
  public synchronized boolean drop(String caseId, Side side) throws IOException {
    if (readDoc(caseId).isEmpty()) {
      // Most cases of a run have none: no lock is taken for them.
      return false;
    }
    try (GoldenStore.Lock lock = lock()) {
      return dropLocked(caseId, side);
    }
  }

  private boolean dropLocked(String caseId, Side side) throws IOException {
    Optional<Doc> doc = readDoc(caseId).filter(d -> caseId.equals(d.caseId()));
    Path dir = folder.resolve(caseId);
    if (doc.isEmpty() || !Files.isDirectory(dir.resolve(side.label()), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Side other = side == Side.LEGACY ? Side.CANDIDATE : Side.LEGACY;
    if (!Files.isDirectory(dir.resolve(other.label()), LinkOption.NOFOLLOW_LINKS)) {
      return drop(caseId);
    }
    PendingInfo before = info(caseId, doc.get());
    PendingInfo.Source left = PendingInfo.Source.of(other);
    PendingInfo kept = PendingInfo.of(before.suite(), left, left.label(), before.at());
    if (before.source() == left && before.cluster().isPresent()) {
      kept = kept.withCluster(before.cluster().get());
    }
    PendingInfo info = kept;
    replaceSide(
        caseId,
        side,
        fresh -> AtomicFiles.writeNew(fresh.resolve(INFO), yaml(caseId, info), false));
    return true;
  }

  /**
   * Replaces the pending folder of {@code caseId} by the one {@code filler} writes. Only {@code
   * side}'s folder is the swap's own: the other side's is carried over like a nested case's.
   */
  private void replaceSide(String caseId, Side side, CaseSwap.Filler filler) throws IOException {
    finishInterrupted(caseId);
    CaseSwap.replace(folder, caseId, INFO, Set.of(side.label()), filler);
  }

  /**
   * Notes in the case's {@code pending.yaml} the cluster the case fell into in the run that stored
   * it (cluster ids exist only once the run's verdict does).
   *
   * @return whether the case has a pending result to note it in
   */
  public synchronized boolean cluster(String caseId, String cluster) throws IOException {
    Optional<Doc> doc = readDoc(caseId).filter(d -> caseId.equals(d.caseId()));
    if (doc.isEmpty()) {
      return false;
    }
    try (GoldenStore.Lock lock = lock()) {
      doc = readDoc(caseId).filter(d -> caseId.equals(d.caseId()));
      if (doc.isEmpty()) {
        return false;
      }
      // Only pending.yaml is read: the streams are checked where they are read (review, accept),
      // not by every failing case of a run at its end (a gigabyte's checksum each).
      PendingInfo info = info(caseId, doc.get()).withCluster(cluster);
      // Replaced by a rename: a crash leaves the old pending.yaml or the new one, never a link
      // followed. Not forced to disk, as no part of a pending result is.
      AtomicFiles.replace(folder.resolve(caseId).resolve(INFO), yaml(caseId, info));
      return true;
    }
  }

  /** Deletes the pending results whose case id {@code filter} accepts; returns their ids. */
  public synchronized List<String> dropAll(Predicate<String> filter) throws IOException {
    List<String> dropped = new ArrayList<>();
    for (PendingResult result : list()) {
      if (filter.test(result.caseId()) && drop(result.caseId())) {
        dropped.add(result.caseId());
      }
    }
    return List.copyOf(dropped);
  }

  private Optional<Doc> readDoc(String caseId) {
    if (!folder.toFile().exists()) {
      // No pending folder, so no pending result (nor a link below it): one stat, where the
      // lookups below cost a passing case three failed ones, each a thrown exception in the JDK.
      return Optional.empty();
    }
    Path file = folder.resolve(caseId).resolve(INFO);
    NoLinks.refuse(folder, file);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(META_YAML.readValue(file.toFile(), Doc.class));
    } catch (IOException e) {
      throw damaged(
          YamlErrors.where(file, e), "unreadable pending result (" + YamlErrors.problem(e) + ")");
    }
  }

  private PendingResult read(String caseId, Doc doc) {
    Path dir = folder.resolve(caseId);
    return new PendingResult(
        caseId,
        info(caseId, doc),
        side(dir, caseId, Side.LEGACY),
        side(dir, caseId, Side.CANDIDATE),
        dir);
  }

  /** What the pending.yaml of {@code caseId}, read as {@code doc}, says of its result. */
  private PendingInfo info(String caseId, Doc doc) {
    Path file = folder.resolve(caseId).resolve(INFO);
    String source = doc.source();
    Optional<PendingInfo.Source> known =
        source == null ? Optional.empty() : PendingInfo.Source.ofLabel(source);
    if (known.isEmpty() || doc.suite() == null || doc.mode() == null || doc.at() == null) {
      throw damaged(file, "the pending result lacks `suite`, `mode`, `at` or a known `source`");
    }
    Instant at;
    try {
      at = Instant.parse(doc.at());
    } catch (DateTimeParseException e) {
      throw damaged(file, "`at` is not an instant: " + doc.at());
    }
    PendingInfo info = PendingInfo.of(doc.suite(), known.get(), doc.mode(), at);
    return doc.cluster() == null ? info : info.withCluster(doc.cluster());
  }

  private Optional<Observation> side(Path dir, String caseId, Side side) {
    Path sideFolder = dir.resolve(side.label());
    NoLinks.refuse(folder, sideFolder.resolve(META));
    if (!Files.isRegularFile(sideFolder.resolve(META), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(GoldenFiles.read(folder, sideFolder, caseId));
  }

  private static byte[] yaml(String caseId, PendingInfo info) throws IOException {
    Doc doc =
        new Doc(
            info.suite(),
            info.source().label(),
            info.mode(),
            info.at().toString(),
            info.cluster().orElse(null),
            caseId);
    return ("# A pending result of `parity "
            + info.source().label()
            + "`: accept or reject it with `parity review`,\n# or `parity accept`/`parity reject`.\n"
            + META_YAML.writeValueAsString(doc))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Completes or undoes a swap of the case's pending folder that a crash interrupted. */
  private void finishInterrupted(String caseId) throws IOException {
    Path target = folder.resolve(caseId);
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String prefix = "." + target.getFileName() + ".";
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, prefix + "*")) {
      for (Path entry : entries) {
        // No folder is the swap's own here: a side's folder the new one lacks is carried over.
        CaseSwap.finish(entry, INFO, Set.of());
      }
    }
  }

  private static GoldenException damaged(Path where, String problem) {
    return damaged(where.toString(), problem);
  }

  private static GoldenException damaged(String where, String problem) {
    return new GoldenException(
        where,
        problem,
        "delete it with `parity reject`, or run `parity verify`/`parity record` again to store a"
            + " new one");
  }
}
