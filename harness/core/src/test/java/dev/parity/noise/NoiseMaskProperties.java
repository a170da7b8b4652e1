package dev.parity.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.Observations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Noise is where legacy's runs differ, never wider: two runs that print the same lines in another
 * order (a hash map's) differ in no token, so they discount nothing, whatever the candidate prints.
 */
class NoiseMaskProperties {
  private static final List<String> NAMES = List.of("alice", "bob", "carol", "dave", "eve", "x");

  /** Lines of one shape (three words and their spaces), so that any two pair token for token. */
  private static List<String> rows(Random random, int count) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add("id " + random.nextInt(20) + " " + NAMES.get(random.nextInt(NAMES.size())));
    }
    return rows;
  }

  private static String text(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  @Property(tries = 1_000)
  void runsThatDifferOnlyInTheOrderOfTheirLinesDiscountNothing(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int count) {
    Random random = new Random(seed);
    List<String> first = rows(random, count);
    List<String> second = new ArrayList<>(first);
    Collections.shuffle(second, random);
    String candidate = text(rows(random, count));

    NoiseMask mask =
        NoiseMask.between(
            Observations.command(0, text(first), ""),
            Observations.command(0, text(second), ""),
            s -> true);
    NoiseMask.Applied applied =
        mask.apply(
            Observations.command(0, text(first), ""), Observations.command(0, candidate, ""));

    assertThat(mask.isEmpty()).as("first %s%nsecond %s", first, second).isTrue();
    assertThat(applied.discounted()).isEmpty();
  }
}
