package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.Thread.State;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The drain's wait for the clients in flight: at once when none is, up to its limit otherwise. */
@Timeout(120)
class InFlightTests {
  private final InFlight inFlight = new InFlight();

  @Test
  void withNoneInFlightTheWaitEndsAtOnceWhateverItsLimit() throws Exception {
    inFlight.begin();
    inFlight.end();

    // A limit of an hour, within the test's timeout of two minutes: only an immediate answer
    // passes.
    assertThat(inFlight.awaitNone(Duration.ofHours(1))).isTrue();
  }

  @Test
  void withOneInFlightTheWaitEndsAtItsLimitSayingSo() throws Exception {
    inFlight.begin();

    assertThat(inFlight.awaitNone(Duration.ofMillis(20))).isFalse();
    assertThat(inFlight.awaitNone(Duration.ZERO)).isFalse();
  }

  @Test
  void theWaitEndsWhenTheLastExchangeEnds() throws Exception {
    inFlight.begin();
    inFlight.begin();
    CompletableFuture<Boolean> none = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                none.complete(inFlight.awaitNone(Duration.ofHours(1)));
              } catch (InterruptedException e) {
                none.completeExceptionally(e);
              }
            });
    waiter.setDaemon(true);
    waiter.start();
    // Ended only once the waiter waits: an end that does not wake it leaves it waiting an hour.
    await().atMost(Duration.ofSeconds(60)).until(() -> waiter.getState() == State.TIMED_WAITING);

    inFlight.end();
    assertThat(none).isNotDone();
    inFlight.end();

    assertThat(none.get(60, TimeUnit.SECONDS)).isTrue();
  }
}
