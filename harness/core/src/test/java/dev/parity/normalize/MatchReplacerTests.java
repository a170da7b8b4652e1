package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatchReplacerTests {
  private static final Pattern DIGITS = Pattern.compile("(\\d)(\\d*)");

  @Test
  void replacesEachMatchWithGroupReferencesAndCountsIt() {
    Scope scope = new Scope();

    String out = MatchReplacer.replaceAll(DIGITS, "a12 b3 c", scope, match -> Optional.of("<$1>"));

    assertThat(out).isEqualTo("a<1> b<3> c");
    assertThat(scope.takeFired()).isEqualTo(2);
  }

  @Test
  void aMatchGivenNothingStaysAndDoesNotCount() {
    Scope scope = new Scope();

    String out =
        MatchReplacer.replaceAll(
            DIGITS,
            "7 42",
            scope,
            match -> match.group().length() > 1 ? Optional.of("N") : Optional.empty());

    assertThat(out).isEqualTo("7 N");
    assertThat(scope.takeFired()).isEqualTo(1);
  }

  @Test
  void returnsTheSameTextWhenNothingIsReplaced() {
    Scope scope = new Scope();
    String text = "no digits";

    assertThat(MatchReplacer.replaceAll(DIGITS, text, scope, match -> Optional.empty()))
        .isSameAs(text);
    assertThat(scope.takeFired()).isZero();
  }
}
