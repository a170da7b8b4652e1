package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outputs are checked on their bytes before being decoded for redaction: what has no keyword nor
 * secret is handed back as it is, and a keyword in any ASCII case still takes the full path.
 */
class RedactorFastPathTests {
  private final Redactor redactor =
      Redactor.of(Redaction.defaults(), Map.of("MY_API_TOKEN", "very-secret-value"));

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bytesWithoutKeywordsOrSecretsAreTheSameArray() {
    byte[] plain = utf8("record 1 value=42 name=é\n".repeat(1000));

    assertThat(redactor.bytes(plain)).isSameAs(plain);
  }

  @Test
  void aLargeOutputFoundCleanIsRememberedByIdentitySoTheSameArrayIsNotScannedAgain() {
    byte[] plain = utf8("record 1 value=42 name=x\n".repeat(5000));
    byte[] equalCopy = plain.clone();
    byte[] secret = utf8("record 1 value=42 name=x\n".repeat(5000) + "PASSWORD=hunter22\n");
    byte[] small = utf8("record 1 value=42\n");
    assertThat(plain.length).isGreaterThanOrEqualTo(Redactor.REMEMBERED_BYTES);

    assertThat(redactor.knownClean(plain)).isFalse();
    assertThat(redactor.bytes(plain)).isSameAs(plain);
    assertThat(redactor.knownClean(plain)).isTrue();
    assertThat(redactor.bytes(plain)).isSameAs(plain);
    assertThat(redactor.knownClean(equalCopy)).as("by identity, not content").isFalse();

    assertThat(new String(redactor.bytes(secret), StandardCharsets.UTF_8))
        .contains("<redacted sha256:");
    assertThat(redactor.knownClean(secret)).isFalse();
    byte[] other = utf8("record 2 value=43 name=y\n".repeat(5000));
    assertThat(redactor.bytes(other)).isSameAs(other);
    assertThat(redactor.knownClean(other)).isTrue();
    assertThat(redactor.knownClean(plain))
        .as("legacy's rerun after the candidate's run: both are kept")
        .isTrue();
    assertThat(redactor.bytes(small)).isSameAs(small);
    assertThat(redactor.knownClean(small)).as("small outputs are cheap to scan again").isFalse();
  }

  @Test
  void keywordsInAnyAsciiCaseAndSecretsAreStillRedacted() {
    for (String line :
        new String[] {
          "Api_ToKeN=abcdefgh12\n",
          "X-TOKEN: abcdef\n",
          "PASSWORD=hunter22\n",
          "very-secret-value\n"
        }) {
      byte[] bytes = utf8("plain line\n" + line);

      assertThat(new String(redactor.bytes(bytes), StandardCharsets.UTF_8))
          .as(line)
          .isEqualTo(redactor.text("plain line\n" + line))
          .contains("<redacted sha256:");
    }
  }
}
