package dev.parity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Delta debugging over input parts, against a reference model: the parts a change needs. */
class ShrinkTests {
  private static final Duration PLENTY = Duration.ofMinutes(10);

  @Test
  void keepsOnlyTheStdinLinesThatStillShowTheChange() {
    String stdin = "alpha\nBLANC, Georges\nbeta\ngamma\n3 matches\ndelta\n";
    List<String> lines = ShrinkInputs.lines(stdin);

    Shrink.Result<String> result =
        Shrink.minimize(
            lines,
            parts -> parts.contains("BLANC, Georges\n") && parts.contains("3 matches\n"),
            PLENTY);

    assertThat(ShrinkInputs.joinLines(result.parts())).isEqualTo("BLANC, Georges\n3 matches\n");
    assertThat(result.complete()).isTrue();
    assertThat(ShrinkInputs.joinLines(lines)).isEqualTo(stdin);
  }

  @Test
  void aChangeThatNeedsNoInputShrinksToNothing() {
    Shrink.Result<String> result =
        Shrink.minimize(List.of("a\n", "b\n", "c\n"), parts -> true, PLENTY);

    assertThat(result.parts()).isEmpty();
  }

  @Test
  void pastTheBudgetItReturnsTheSmallestInputCheckedSoFar() {
    AtomicLong now = new AtomicLong();
    List<Integer> parts = List.of(1, 2, 3, 4, 5, 6, 7, 8);
    Set<List<Integer>> showed = new HashSet<>();

    Shrink.Result<Integer> result =
        Shrink.minimize(
            parts,
            p -> {
              now.addAndGet(1_000_000_000L);
              boolean shows = p.contains(7);
              if (shows) {
                showed.add(p);
              }
              return shows;
            },
            Duration.ofSeconds(2),
            now::get);

    assertThat(result.complete()).isFalse();
    assertThat(result.parts()).contains(7);
    assertThat(showed).contains(result.parts());
    assertThat(result.parts().size()).isLessThan(parts.size());
  }

  @Test
  void aLastPartNotTriedWithoutForLackOfBudgetIsNoCompleteSearch() {
    AtomicLong now = new AtomicLong();

    Shrink.Result<Integer> result =
        Shrink.minimize(
            List.of(1, 2), p -> p.contains(1), Duration.ofNanos(1), now::incrementAndGet);

    assertThat(result.parts()).containsExactly(1);
    assertThat(result.complete()).isFalse();
  }

  @Test
  void jsonBodiesShrinkByMembersAndElements() {
    List<JsonNode> members =
        ShrinkInputs.jsonParts("{\"a\":1,\"b\":[],\"c\":{\"d\":2}}").orElseThrow();
    List<JsonNode> elements = ShrinkInputs.jsonParts("[1,{\"x\":null},\"s\"]").orElseThrow();

    assertThat(members).hasSize(3);
    assertThat(ShrinkInputs.joinJson(members.subList(1, 2), false)).isEqualTo("{\"b\":[]}");
    assertThat(ShrinkInputs.joinJson(members, false))
        .isEqualTo("{\"a\":1,\"b\":[],\"c\":{\"d\":2}}");
    assertThat(ShrinkInputs.joinJson(elements.subList(1, 3), true))
        .isEqualTo("[{\"x\":null},\"s\"]");
    assertThat(ShrinkInputs.jsonParts("not json")).isEmpty();
    assertThat(ShrinkInputs.jsonParts("12")).isEmpty();
  }

  @Property(tries = 300)
  void findsExactlyThePartsTheChangeNeeds(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 1000) Integer> input,
      @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 39) Integer> neededAt) {
    List<Integer> parts = input.stream().distinct().toList();
    Set<Integer> needed = new HashSet<>();
    neededAt.stream().filter(i -> i < parts.size()).forEach(i -> needed.add(parts.get(i)));

    Shrink.Result<Integer> result = Shrink.minimize(parts, p -> p.containsAll(needed), PLENTY);

    assertThat(result.complete()).isTrue();
    assertThat(new HashSet<>(result.parts())).isEqualTo(needed);
    assertThat(result.parts()).isSubsetOf(parts);
  }
}
