package dev.parity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The masker on examples, and on generated texts against a reference model: a text made of tokens
 * of known shapes, separated by spaces, masks to the tokens' expected masks.
 */
class MaskerTests {
  @Test
  void numbersInsideWordsAndTagsKeepTheirMeaning() {
    assertThat(Masker.mask("Content-Type: text/html; charset=utf-8"))
        .isEqualTo("Content-Type: text/html; charset=utf-8");
    assertThat(Masker.mask("<h1>Title</h1> iso-8859-1 v2 @I20@"))
        .isEqualTo("<h1>Title</h1> iso-8859-1 v2 @I20@");
  }

  @Test
  void numbersIdsPathsAndPortsAreMaskedByShape() {
    assertThat(
            Masker.mask(
                "id 123e4567-e89b-12d3-a456-426614174000 sha 9f86d081884c7d65  took 1.5 ms"))
        .isEqualTo("id <uuid> sha <hex> took <n> ms");
    assertThat(Masker.mask("(1874-1940) after 10s, 1e+17 items"))
        .isEqualTo("(<n>-<n>) after <n>s, <n> items");
    assertThat(Masker.mask("cannot open /tmp/parity-1234/work/in.txt"))
        .isEqualTo("cannot open <path>");
    assertThat(Masker.mask("listening on http://localhost:8080/ and 127.0.0.1:34567"))
        .isEqualTo("listening on http://localhost:<port>/ and <ip>:<port>");
    assertThat(Masker.mask("deadbeef and coffee")).isEqualTo("deadbeef and coffee");
  }

  /** A token of a known shape and what the masker must make of it. */
  record Shaped(String text, String masked) {}

  @Property(tries = 2_000)
  void masksEachTokenByItsShape(@ForAll("texts") List<Shaped> tokens) {
    String text = String.join(" ", tokens.stream().map(Shaped::text).toList());
    String model = String.join(" ", tokens.stream().map(Shaped::masked).toList()).strip();

    assertThat(Masker.mask(text)).isEqualTo(model);
  }

  @Property(tries = 2_000)
  void maskingTwiceIsMaskingOnce(@ForAll("texts") List<Shaped> tokens) {
    String once = Masker.mask(String.join(" ", tokens.stream().map(Shaped::text).toList()));

    assertThat(Masker.mask(once)).isEqualTo(once);
  }

  @Property(tries = 1_000)
  void textWithoutDigitsOrSlashesOnlyHasItsWhitespaceCollapsed(@ForAll("plain") String text) {
    assertThat(Masker.mask(text)).isEqualTo(text.strip().replaceAll("\\s+", " "));
  }

  @Provide
  Arbitrary<List<Shaped>> texts() {
    return Arbitraries.oneOf(
            words(), tagged(), numbers(), withUnits(), uuids(), paths(), scientific())
        .list()
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> plain() {
    return Arbitraries.strings().withChars("abcXYZ-_.,;:=<>\"' \t\n\u00e9").ofMaxLength(40);
  }

  private static Arbitrary<String> letters() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
  }

  private static Arbitrary<Shaped> words() {
    return letters().map(w -> new Shaped(w, w));
  }

  /**
   * Words and tags with digits inside: kept whole ({@code utf-8}, {@code h1}, {@code iso-8859-1}).
   */
  private static Arbitrary<Shaped> tagged() {
    // A letter no hex id has first, so that the word cannot be taken for one.
    Arbitrary<String> word =
        Combinators.combine(Arbitraries.chars().range('g', 'z'), letters().injectNull(0.5))
            .as((first, rest) -> first + (rest == null ? "" : rest));
    return Combinators.combine(
            word,
            Arbitraries.of("", "-"),
            Arbitraries.integers().between(0, 9999),
            Arbitraries.of("", "-1"))
        .as((w, dash, n, tail) -> w + dash + n + tail)
        .map(w -> new Shaped(w, w));
  }

  private static Arbitrary<Shaped> numbers() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1_000_000), Arbitraries.of("", ".5", ".25", ",5"))
        .as((n, fraction) -> new Shaped(n + fraction, "<n>"));
  }

  private static Arbitrary<Shaped> withUnits() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 999), Arbitraries.of("s", "ms", "px", "kB"))
        .as((n, unit) -> new Shaped(n + unit, "<n>" + unit));
  }

  private static Arbitrary<Shaped> uuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
        .as((high, low) -> new Shaped(new UUID(high, low).toString(), "<uuid>"));
  }

  private static Arbitrary<Shaped> paths() {
    return letters()
        .list()
        .ofMinSize(2)
        .ofMaxSize(4)
        .map(segments -> new Shaped("/" + String.join("/", segments), "<path>"));
  }

  private static Arbitrary<Shaped> scientific() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 9),
            Arbitraries.of("e+", "e-", "E"),
            Arbitraries.integers().between(1, 300))
        .as((m, e, x) -> new Shaped(m + e + x, "<n>"));
  }
}
