package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTests {
  @Test
  void listsTheFirstNamesThenHowManyMore() {
    assertThat(Listing.firstAndMore(List.of("a", "b", "c", "d"), 2)).isEqualTo("a, b and 2 more");
  }

  @Test
  void listsEveryNameWhenTheyFit() {
    assertThat(Listing.firstAndMore(List.of("a", "b"), 2)).isEqualTo("a, b");
    assertThat(Listing.firstAndMore(List.of("a"), 5)).isEqualTo("a");
    assertThat(Listing.firstAndMore(List.of(), 5)).isEmpty();
  }
}
