package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Redaction;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The byte scan that lets the redactor skip decoding an output: whenever it says no rule could
 * change the bytes, redacting their text changes nothing either.
 */
class RedactionScanProperties {
  private static final Redactor REDACTOR =
      Redactor.of(
          new Redaction(Set.of("authorization", "x-internal"), List.of()),
          Map.of("MY_TOKEN", "s3cr3t-value"));

  @Property(tries = 5_000)
  void whatTheScanPassesTheRedactorLeavesAsItIs(@ForAll("texts") byte[] bytes) {
    boolean mayChange =
        RedactionScan.mayChange(
            bytes,
            List.of("token", "authorization", "x-internal"),
            List.of("token", "secret", "passw", "key"),
            List.of("s3cr3t-value"));
    String utf8 = new String(bytes, StandardCharsets.UTF_8);
    String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);

    if (!mayChange) {
      assertThat(REDACTOR.text(utf8)).isEqualTo(utf8);
      assertThat(REDACTOR.text(latin1)).isEqualTo(latin1);
    }
    Observation observation = observation(bytes);
    if (REDACTOR.apply(observation) != observation) {
      assertThat(mayChange).as("the redactor changed what the scan passed").isTrue();
    }
  }

  @Test
  void plainOutputIsPassedAndKeywordLinesAreNot() {
    List<String> colon = List.of("token", "authorization");
    List<String> equals = List.of("token", "secret", "passw", "key");
    assertThat(scan("record 00000001 value=0123456789 name=000001\nx: y\n", colon, equals))
        .isFalse();
    assertThat(scan("a\nAuthorization: Bearer x\n", colon, equals)).isTrue();
    assertThat(scan("API_KEY=abc\n", colon, equals)).isTrue();
    assertThat(scan("api key: none, = later\n", List.of(), equals)).isTrue();
    assertThat(scan("k=\u212Aey\n", colon, List.of("kelvin"))).isTrue();
    assertThat(scan("key and = on\nseparate lines\n", colon, equals)).isTrue();
    assertThat(scan("key and\n= on separate lines\n", colon, equals)).isFalse();
    assertThat(RedactionScan.mayChange(bytes("x s3cr3t-value y"), colon, equals, List.of("s3cr3t")))
        .isTrue();
  }

  @Provide
  Arbitrary<byte[]> texts() {
    Arbitrary<String> parts =
        Arbitraries.of(
            "token",
            "TOKEN",
            "Secret",
            "passwd",
            "api_key",
            "apiKey",
            "KEY",
            "Authorization",
            "X-Internal",
            "s3cr3t-value",
            "s3cr3t",
            "=",
            ":",
            " ",
            "\n",
            "\r",
            "?",
            "&",
            "a",
            "value",
            "0",
            "é",
            "\u212a",
            "\u017f",
            "<redacted ");
    Arbitrary<byte[]> text = parts.list().ofMaxSize(30).map(p -> bytes(String.join("", p)));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    return Arbitraries.oneOf(text, text, raw);
  }

  private static boolean scan(String text, List<String> colon, List<String> equals) {
    return RedactionScan.mayChange(bytes(text), colon, equals, List.of());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Observation observation(byte[] stdout) {
    return Observation.ofCommand(0, Optional.empty(), stdout, new byte[0], Map.of(), Duration.ZERO);
  }
}
