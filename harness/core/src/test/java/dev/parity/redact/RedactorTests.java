package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Redaction;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactorTests {
  private final Redactor redactor =
      Redactor.of(
          new Redaction(
              Set.of("authorization", "set-cookie", "x-internal"),
              List.of(Pattern.compile("(?<=pin )[0-9]{4}"))),
          Map.of("GITHUB_TOKEN", "ghp_0123456789abcdef", "HOME", "/root/home-dir"));

  @Test
  void sensitiveHeaderValuesBecomeHashMarkersAndTheRestStays() {
    String headers =
        "authorization: Bearer abc.def\ncontent-type: application/json\nx-internal: 42\n"
            + "x-auth-token: t0k3n\n";

    String redacted = redactor.text(headers);

    assertThat(redacted)
        .isEqualTo(
            "authorization: "
                + Redactor.marker("Bearer abc.def")
                + "\ncontent-type: application/json\nx-internal: "
                + Redactor.marker("42")
                + "\nx-auth-token: "
                + Redactor.marker("t0k3n")
                + "\n");
    assertThat(Redactor.marker("Bearer abc.def")).matches("<redacted sha256:[0-9a-f]{16}>");
  }

  @Test
  void aSuiteGetsOneRedactorHowOftenItIsAskedForAndAnotherSuiteItsOwn() {
    Redaction pins = new Redaction(Set.of("x-internal"), List.of(Pattern.compile("pin [0-9]+")));
    Redaction other = new Redaction(Set.of("x-other"), List.of());

    Redactor first = Redactor.of(pins);
    Redactor again = Redactor.of(new Redaction(pins.headers(), pins.patterns()));
    Redactor forOther = Redactor.of(other);

    assertThat(again).isSameAs(first);
    assertThat(forOther).isNotSameAs(first);
    assertThat(forOther.text("x-internal: 1\npin 42\nx-other: 2\n"))
        .isEqualTo("x-internal: 1\npin 42\nx-other: " + Redactor.marker("2") + "\n");
    assertThat(Redactor.of(pins).text("x-other: 2 pin 42\n"))
        .isEqualTo("x-other: 2 " + Redactor.marker("pin 42") + "\n");
  }

  @Test
  void equalValuesGetEqualMarkersAndRedactingTwiceChangesNothing() {
    String once = redactor.text("Set-Cookie: sid=1\n");

    assertThat(redactor.text(once)).isEqualTo(once);
    assertThat(once).isEqualTo(redactor.text("Set-Cookie: sid=1\n"));
    assertThat(once).isNotEqualTo(redactor.text("Set-Cookie: sid=2\n"));
  }

  @Test
  void queryTokensAssignmentsRegexesAndOwnEnvironmentSecretsAreRedacted() {
    String text =
        "GET /a?x=1&access_token=q1w2e3&y=2 failed\nAPI_KEY=k-123 pin 1234 ghp_0123456789abcdef"
            + " /root/home-dir";

    String redacted = redactor.text(text);

    assertThat(redacted)
        .doesNotContain("q1w2e3", "k-123", "1234 ", "ghp_0123456789abcdef")
        .contains("?x=1&access_token=" + Redactor.marker("q1w2e3") + "&y=2 failed")
        .contains("API_KEY=" + Redactor.marker("k-123"))
        .contains("pin " + Redactor.marker("1234"))
        // Only secret-looking variables are secrets: HOME is not.
        .endsWith(Redactor.marker("ghp_0123456789abcdef") + " /root/home-dir");
  }

  @Test
  void observationsAreRedactedInEveryStreamAndValue() {
    Observation raw =
        Observation.ofHttp(
            200,
            "authorization: secret-value\n",
            "{\"pin\": \"pin 9876\"}".getBytes(StandardCharsets.UTF_8),
            Duration.ZERO);

    Observation redacted = redactor.apply(raw);

    assertThat(new String(redacted.streams().get("headers"), StandardCharsets.UTF_8))
        .isEqualTo("authorization: " + Redactor.marker("secret-value") + "\n");
    assertThat(new String(redacted.streams().get("body"), StandardCharsets.UTF_8))
        .isEqualTo("{\"pin\": \"pin " + Redactor.marker("9876") + "\"}");
    assertThat(redacted.values()).isEqualTo(raw.values());
  }

  @Test
  void anObservationWithNothingToRedactIsReturnedAsItIsWithoutCopyingItsOutputs() {
    Observation clean =
        Observation.ofHttp(
            200,
            "content-type: text/plain\n",
            "x=1\n".getBytes(StandardCharsets.UTF_8),
            Duration.ZERO);

    assertThat(redactor.apply(clean)).isSameAs(clean);
  }
}
