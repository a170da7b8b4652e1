package dev.parity.golden;

import static dev.parity.golden.GoldenStore.META;

import dev.parity.golden.GoldenStore.WriteResult;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** The edits of a golden folder besides recording: accepted differences and pruning. */
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
    CaseSwap.replace(
        store.folder(),
        caseId + "/" + AcceptedFiles.FOLDER,
        META,
        fresh -> AcceptedFiles.fill(fresh, caseId, accepted));
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
      CaseRemoval.remove(store.folder(), id, META, PRUNED);
    }
    return WriteResult.UPDATED;
  }
}
