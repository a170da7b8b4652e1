package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.RuleAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersNormalizerTests {
  private static Normalizer headers(String... ignore) {
    return Normalizers.of(new RuleAction.Headers(List.of(ignore)));
  }

  @Test
  void dropsTheLinesOfIgnoredHeadersWhateverTheirCaseAndKeepsTheRestInOrder() {
    Scope scope = new Scope();

    String out =
        headers("date", " X-Request-Id ")
            .normalize(
                "Content-Type: text/plain\nDATE: Sun, 22 Nov 2026 04:31:07 GMT\n"
                    + "x-request-id : 42\nVary: Date\n",
                scope);

    assertThat(out).isEqualTo("Content-Type: text/plain\nVary: Date\n");
    assertThat(scope.takeFired()).isEqualTo(2);
  }

  @Test
  void dropsAnIgnoredLastLineWithoutNewline() {
    assertThat(headers("Date").normalize("Server: x\nDate: now", new Scope()))
        .isEqualTo("Server: x\n");
  }

  @Test
  void leavesTextWithoutIgnoredHeadersAloneAndDoesNotFire() {
    Scope scope = new Scope();
    String text = "Server: x\nX-Date: y\n: Date\nDate without a colon\n";

    assertThat(headers("Date").normalize(text, scope)).isEqualTo(text);
    assertThat(scope.takeFired()).isZero();
  }
}
