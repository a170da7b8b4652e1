package dev.parity.golden;

import dev.parity.run.Listing;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Goldens whose case is gone from the suite (deleted or renamed). The harness says so and never
 * deletes them: a renamed case would otherwise lose its history silently.
 *
 * @param folder the golden folder
 * @param ids the orphaned case ids, sorted
 */
public record Orphans(Path folder, List<String> ids) {
  private static final int SHOWN = 5;

  public Orphans {
    ids = List.copyOf(ids);
  }

  /** What to tell the user, e.g. {@code 1 golden has no case in the suite any more ...}. */
  public Optional<String> reason() {
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    boolean one = ids.size() == 1;
    return Optional.of(
        ids.size()
            + (one ? " golden has" : " goldens have")
            + " no case in the suite any more (deleted or renamed?): "
            + Listing.firstAndMore(ids, SHOWN)
            + "; delete "
            + (one ? "its folder" : "their folders")
            + " under "
            + folder
            + " or restore the case");
  }
}
