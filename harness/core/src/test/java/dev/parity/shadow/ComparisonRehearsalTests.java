package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up's comparisons of kept requests, again and again, until enough were compared. */
@Timeout(60)
class ComparisonRehearsalTests {
  private static Ledger.Queued request(int n) {
    return new Ledger.Queued(
        new Mirrored.Request("GET", "/r/" + n, "/r/" + n, Map.of(), "", null), null);
  }

  /** A queue whose comparisons count the requests' paths in {@code compared}. */
  private static ComparisonQueue<Ledger.Queued> counting(
      int capacity, int threads, Map<String, AtomicInteger> compared) {
    return new ComparisonQueue<>(
        capacity,
        threads,
        q ->
            compared
                .computeIfAbsent(q.request().rawPath(), k -> new AtomicInteger())
                .incrementAndGet());
  }

  @Test
  void comparesTheKeptRequestsRoundRobinUntilTheCountWithoutDroppingAny() {
    Map<String, AtomicInteger> compared = new ConcurrentHashMap<>();
    try (ComparisonQueue<Ledger.Queued> queue = counting(8, 2, compared)) {
      ComparisonRehearsal rehearsal = new ComparisonRehearsal();
      IntStream.range(0, 3).forEach(n -> rehearsal.keep(request(n)));

      long offered = rehearsal.run(queue, 4, 600, Duration.ofSeconds(50));

      assertThat(queue.done()).isGreaterThanOrEqualTo(600);
      assertThat(offered).isGreaterThanOrEqualTo(600);
      assertThat(queue.dropped()).isZero();
      assertThat(compared).containsOnlyKeys("/r/0", "/r/1", "/r/2");
      // Round robin: no kept request is compared more than once more than another.
      List<Integer> counts = compared.values().stream().map(AtomicInteger::get).toList();
      assertThat(
              counts.stream().mapToInt(c -> c).max().getAsInt()
                  - counts.stream().mapToInt(c -> c).min().getAsInt())
          .isLessThanOrEqualTo(1 + 4);
    }
  }

  @Test
  void keepsOnlyTheFirstRequestsUpToItsBound() {
    Map<String, AtomicInteger> compared = new ConcurrentHashMap<>();
    try (ComparisonQueue<Ledger.Queued> queue = counting(4, 1, compared)) {
      ComparisonRehearsal rehearsal = new ComparisonRehearsal();
      IntStream.range(0, ComparisonRehearsal.KEPT + 10).forEach(n -> rehearsal.keep(request(n)));

      rehearsal.run(queue, 2, 4L * ComparisonRehearsal.KEPT, Duration.ofSeconds(50));

      assertThat(compared).hasSize(ComparisonRehearsal.KEPT).containsKey("/r/0");
      assertThat(compared).doesNotContainKey("/r/" + ComparisonRehearsal.KEPT);
    }
  }

  @Test
  void nothingKeptOffersNothing() {
    try (ComparisonQueue<Ledger.Queued> queue = new ComparisonQueue<>(4, 1, q -> {})) {
      assertThat(new ComparisonRehearsal().run(queue, 4, 100, Duration.ofSeconds(50))).isZero();
      assertThat(queue.done()).isZero();
    }
  }

  @Test
  void stopsAtItsTimeLimitWhenTheComparisonsDoNotFinish() {
    CountDownLatch released = new CountDownLatch(1);
    try (ComparisonQueue<Ledger.Queued> queue =
        new ComparisonQueue<>(
            4,
            1,
            q -> {
              try {
                released.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })) {
      ComparisonRehearsal rehearsal = new ComparisonRehearsal();
      rehearsal.keep(request(0));

      // The worker holds the first item; two more wait, and then nothing moves.
      long offered = rehearsal.run(queue, 2, 100, Duration.ofMillis(200));

      assertThat(offered).isBetween(1L, 3L);
      assertThat(queue.dropped()).isZero();
      released.countDown();
    }
  }
}
