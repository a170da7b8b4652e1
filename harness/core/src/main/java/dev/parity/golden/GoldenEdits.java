package dev.parity.golden;

import static dev.parity.golden.GoldenStore.META;

import dev.parity.golden.GoldenStore.WriteResult;
import dev.parity.run.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The edits of a golden folder besides recording: accepted differences and pruning; and what keeps
 * a golden from burying another.
 */
final class GoldenEdits {
  /** What a pruned golden's own folders are; every other folder in it is a nested case's. */
  private static final Set<String> PRUNED = Set.of(CaseSwap.FILES, AcceptedFiles.FOLDER);

  private GoldenEdits() {}

  /**
   * Writes {@code accepted} into the case's {@code accepted/} folder; the caller holds the lock.
   */
  static WriteResult accept(GoldenStore store, String caseId, Accepted accepted)
      throws IOException {
    if (store.read(caseId).isEmpty()) {
      throw new GoldenException(
          store.caseFolder(caseId),
          "has no golden to accept a difference from",
          "record the case first with `parity record`");
    }
    WriteResult result =
        store.accepted(caseId).isPresent() ? WriteResult.UPDATED : WriteResult.CREATED;
    String golden = store.state(caseId);
    CaseSwap.replace(
        store.folder(),
        caseId + "/" + AcceptedFiles.FOLDER,
        META,
        fresh -> AcceptedFiles.fill(fresh, caseId, accepted, golden));
    return result;
  }

  /** Deletes the goldens of {@code caseIds}, checking first that each exists. */
  static WriteResult prune(GoldenStore store, List<String> caseIds) throws IOException {
    List<String> known = store.caseIds();
    for (String id : caseIds) {
      if (!known.contains(id)) {
        throw new GoldenException(
            store.caseFolder(id),
            "has no golden to prune",
            "list the orphan goldens with `parity prune`");
      }
    }
    for (String id : caseIds) {
      CaseRemoval.remove(store.folder(), id, META, own(store, id));
    }
    return WriteResult.UPDATED;
  }

  /**
   * The pruned golden's own folders, but not a {@code files/} that holds a golden: when case {@code
   * a} is gone, case {@code a/files} may exist, and its golden is that folder. It is kept whole
   * (with the orphan's output files in it) rather than deleted.
   */
  private static Set<String> own(GoldenStore store, String caseId) throws IOException {
    return goldensInFiles(store, caseId).isEmpty() ? PRUNED : Set.of(AcceptedFiles.FOLDER);
  }

  /**
   * Refuses to replace the golden of {@code caseId} while its {@code files/} folder, or a folder
   * named like a file of the new golden ({@code stdout}, {@code meta.yaml}), holds the golden of
   * another case ({@code a/files} or {@code a/stdout} for {@code a}; both cannot be cases of one
   * suite, so that one's case is gone): the swap would delete it with the old golden.
   */
  static void refuseToBury(GoldenStore store, String caseId, Observation observation)
      throws IOException {
    Set<String> own = new TreeSet<>(Set.of(CaseSwap.FILES, META, GoldenStore.JSON_BODY_VIEW));
    for (String stream : observation.names()) {
      own.add(GoldenFiles.fileName(stream).split("/", 2)[0]);
    }
    for (String name : own) {
      List<String> inside = goldensIn(store, caseId, name);
      if (!inside.isEmpty()) {
        throw buried(store, caseId, name, inside);
      }
    }
  }

  private static GoldenException buried(
      GoldenStore store, String caseId, String name, List<String> inside) {
    return new GoldenException(
        store.caseFolder(caseId).resolve(name),
        "holds the golden of case ["
            + inside.get(0)
            + "], which is no case of the suite any more; replacing the golden of case ["
            + caseId
            + "] would delete it",
        "delete it with `parity prune` (or move it away), then record again");
  }

  /** The goldens below the {@code files/} folder of {@code caseId}'s golden folder, sorted. */
  private static List<String> goldensInFiles(GoldenStore store, String caseId) throws IOException {
    return goldensIn(store, caseId, CaseSwap.FILES);
  }

  /** The goldens below the folder {@code name} of {@code caseId}'s golden folder, sorted. */
  private static List<String> goldensIn(GoldenStore store, String caseId, String name)
      throws IOException {
    Path files = store.caseFolder(caseId).resolve(name);
    if (!Files.isDirectory(files, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> below = Files.walk(files)) {
      return below
          .filter(p -> p.getFileName().toString().equals(META))
          .map(p -> store.folder().relativize(p.getParent()).toString().replace('\\', '/'))
          .filter(id -> GoldenFiles.idIn(store.caseFolder(id)).map(id::equals).orElse(false))
          .sorted()
          .toList();
    }
  }
}
