package dev.parity.cli;

import dev.parity.fixture.Case;
import dev.parity.fixture.Suite;
import dev.parity.golden.PendingResult;
import dev.parity.golden.PendingStore;
import dev.parity.run.Listing;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Which pending results {@code accept} and {@code reject} act on: those of the cases {@code
 * --filter} selects, in the cluster {@code --cluster} names; every one of the suite without either.
 */
final class PendingSelection {
  @Option(
      names = "--cluster",
      paramLabel = "ID",
      description =
          "Only the pending results in this mismatch cluster (c1, c2, ... of the run that stored"
              + " them).")
  @Nullable String cluster;

  /**
   * The selected pending results, sorted by case id.
   *
   * @throws CommandLine.ParameterException when the cluster is unknown or nothing is selected (the
   *     filter's unknown cases are refused by the suite)
   */
  List<PendingResult> select(
      CommandSpec spec, Suite suite, CommonOptions common, PendingStore pending)
      throws IOException {
    Set<String> cases =
        suite.select(common.filter()).stream().map(Case::id).collect(Collectors.toSet());
    // An --out shared by several suites holds their pending results side by side: a result of
    // another suite (even of a case with the same id) is never accepted into this one's goldens.
    List<PendingResult> all =
        pending.list().stream().filter(p -> p.info().suite().equals(suite.key())).toList();
    if (cluster != null
        && all.stream().noneMatch(p -> p.info().cluster().filter(cluster::equals).isPresent())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--cluster ["
              + cluster
              + "] names no cluster of the pending results in "
              + pending.folder()
              + "; their clusters are ["
              + String.join(
                  ", ", all.stream().flatMap(p -> p.info().cluster().stream()).distinct().toList())
              + "] (see the Mismatch clusters of the last run's summary)");
    }
    List<PendingResult> selected =
        all.stream()
            .filter(p -> cases.contains(p.caseId()))
            .filter(p -> cluster == null || p.info().cluster().filter(cluster::equals).isPresent())
            .toList();
    if (selected.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "no pending result "
              + (common.filter == null ? "" : "for --filter [" + common.filter + "] ")
              + (cluster == null ? "" : "in --cluster [" + cluster + "] ")
              + "in "
              + pending.folder()
              + (all.isEmpty()
                  ? "; it holds none of suite ["
                      + suite.key()
                      + "]: run `parity verify` (or `parity record`) of it first, with the"
                      + " same --out"
                  : "; it holds pending results for "
                      + Listing.firstAndMore(all.stream().map(PendingResult::caseId).toList(), 5)));
    }
    return selected;
  }
}
