package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;

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
    CompletableFuture<Boolean> none =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return inFlight.awaitNone(Duration.ofHours(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    inFlight.end();
    inFlight.end();

    assertThat(none.get(60, TimeUnit.SECONDS)).isTrue();
  }
}
