package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RehearsedDifferencesTests {

  @Property
  void theChangedBodyAlwaysDiffersInOneByteOrByOneMore(@ForAll byte[] body) {
    byte[] before = body.clone();

    byte[] changed = RehearsedDifferences.changeOne(body);

    assertThat(body).as("the body given is not changed").isEqualTo(before);
    assertThat(changed).isNotEqualTo(body);
    if (changed.length == body.length) {
      int differing = 0;
      for (int i = 0; i < body.length; i++) {
        differing += body[i] == changed[i] ? 0 : 1;
      }
      assertThat(differing).isEqualTo(1);
    } else {
      assertThat(changed).hasSize(body.length + 1);
      assertThat(Arrays.copyOf(changed, body.length)).isEqualTo(body);
    }
  }

  @Test
  void flipsTheCaseOfTheFirstLetterSoJsonStaysJson() {
    assertThat(utf8(RehearsedDifferences.changeOne(utf8("{\"id\":1}")))).isEqualTo("{\"Id\":1}");
    assertThat(utf8(RehearsedDifferences.changeOne(utf8("[1, 2]")))).isEqualTo("[1, 2] ");
  }

  @Test
  void changesEveryOtherAnswerAndOnlyItsBody() {
    RehearsedDifferences rehearsed = new RehearsedDifferences();
    Observation answer =
        Observation.ofHttp(200, "content-type: text/plain", utf8("ok"), Duration.ZERO);

    Observation first = rehearsed.apply(answer);
    Observation second = rehearsed.apply(answer);
    Observation third = rehearsed.apply(answer);

    assertThat(first).isSameAs(answer);
    assertThat(third).isSameAs(answer);
    assertThat(second.stream(Observation.BODY))
        .hasValueSatisfying(b -> assertThat(utf8(b)).isEqualTo("Ok"));
    assertThat(second.values()).isEqualTo(answer.values());
    assertThat(second.stream(Observation.HEADERS).orElseThrow())
        .isEqualTo(answer.stream(Observation.HEADERS).orElseThrow());
    assertThat(rehearsed.changed()).isEqualTo(1);
  }

  @Test
  void leavesAnAnswerWithoutABodyAsItIs() {
    RehearsedDifferences rehearsed = new RehearsedDifferences();
    Observation command = new Observation(new TreeMap<>(), new TreeMap<>(), Duration.ZERO);

    rehearsed.apply(command);

    assertThat(rehearsed.apply(command)).isSameAs(command);
    assertThat(rehearsed.changed()).isZero();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
