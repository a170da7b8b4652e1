package dev.parity.verdict;

import java.lang.ref.WeakReference;
import java.util.List;

/**
 * The clusters of a verdict's cases, computed once: every report asks for them (verdict.json,
 * junit.xml, index.html, summary.md, Allure, the console summary), and on a case with a large diff
 * each computation took tens of milliseconds of tokenizing its changed lines. A verdict's case list
 * is immutable, so its clusters are remembered by the list's identity; the two most recent lists
 * are kept (a run's verdict and the capped one its reports write), weakly, so that nothing outlives
 * them.
 */
final class ClusterMemo {
  private static final int KEPT = 2;

  private static final Entry[] RECENT = new Entry[KEPT];

  private record Entry(WeakReference<List<CaseResult>> results, List<Cluster> clusters) {}

  private ClusterMemo() {}

  /** The clusters of {@code results}, an immutable list, as {@link Clusters#of} gives them. */
  static synchronized List<Cluster> of(List<CaseResult> results) {
    for (Entry entry : RECENT) {
      if (entry != null && entry.results().get() == results) {
        return entry.clusters();
      }
    }
    List<Cluster> clusters = List.copyOf(Clusters.of(results));
    System.arraycopy(RECENT, 0, RECENT, 1, KEPT - 1);
    RECENT[0] = new Entry(new WeakReference<>(results), clusters);
    return clusters;
  }
}
