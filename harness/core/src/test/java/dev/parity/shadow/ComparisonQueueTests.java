package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ComparisonQueueTests {

  @Test
  void dropsAndCountsWhatArrivesWhileTheQueueIsFullWithoutWaiting() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> compared = new CopyOnWriteArrayList<>();
    try (ComparisonQueue<Integer> queue =
        new ComparisonQueue<>(
            2,
            1,
            item -> {
              started.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              compared.add(item);
            })) {
      // Given the only worker busy with item 1
      assertThat(queue.offer(1)).isTrue();
      started.await();
      // When four more arrive: two fit in the queue, two do not
      assertThat(queue.offer(2)).isTrue();
      assertThat(queue.offer(3)).isTrue();
      assertThat(queue.offer(4)).isFalse();
      assertThat(queue.offer(5)).isFalse();
      // Then the two are dropped and counted, the others compared once the worker is free
      assertThat(queue.dropped()).isEqualTo(2);
      assertThat(queue.waiting()).isEqualTo(2);
      release.countDown();
      assertThat(queue.drain(Duration.ofSeconds(30))).isTrue();
      assertThat(compared).containsExactly(1, 2, 3);
      assertThat(queue.done()).isEqualTo(3);
    }
  }

  @Test
  void drainFinishesQueuedComparisonsAndRefusesNewOnes() throws Exception {
    List<Integer> compared = new CopyOnWriteArrayList<>();
    try (ComparisonQueue<Integer> queue = new ComparisonQueue<>(10, 2, compared::add)) {
      for (int i = 0; i < 5; i++) {
        queue.offer(i);
      }
      assertThat(queue.drain(Duration.ofSeconds(30))).isTrue();
      assertThat(compared).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
      assertThat(queue.offer(9)).as("closed to new comparisons").isFalse();
      assertThat(queue.dropped()).isEqualTo(1);
    }
  }

  @Test
  void comparesAtTheLowestCpuPrioritySoTheClientsPathIsNeverQueuedBehindAComparison()
      throws Exception {
    assumeTrue(LowPriority.supported(), "per-thread nice values are a Linux feature");
    List<OptionalInt> nice = new CopyOnWriteArrayList<>();
    try (ComparisonQueue<Integer> queue =
        new ComparisonQueue<>(10, 2, item -> nice.add(LowPriority.niceOfCurrentThread()))) {
      queue.offer(1);
      queue.offer(2);
      assertThat(queue.drain(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(nice).containsExactly(OptionalInt.of(19), OptionalInt.of(19));
    assertThat(LowPriority.niceOfCurrentThread())
        .as("the caller keeps its own priority")
        .isNotEqualTo(OptionalInt.of(19));
  }

  @Test
  void aComparisonThatThrowsDoesNotStopTheOthers() throws Exception {
    List<Integer> compared = new CopyOnWriteArrayList<>();
    try (ComparisonQueue<Integer> queue =
        new ComparisonQueue<>(
            10,
            1,
            item -> {
              if (item == 2) {
                throw new IllegalStateException("planted");
              }
              compared.add(item);
            })) {
      for (int i = 1; i <= 4; i++) {
        queue.offer(i);
      }
      assertThat(queue.drain(Duration.ofSeconds(30))).isTrue();
      assertThat(compared).containsExactly(1, 3, 4);
      assertThat(queue.done()).isEqualTo(4);
    }
  }
}
