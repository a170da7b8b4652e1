package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Redaction;
import dev.parity.run.Observation;
import dev.parity.run.Spooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stream kept on disk is redacted like the same text in memory, piece by piece. */
class SpooledRedactionTests {
  @TempDir Path temp;

  private final Redactor redactor = Redactor.of(Redaction.defaults(), Map.of());

  private Observation spooled(String content) throws Exception {
    Path file = Files.writeString(temp.resolve("stdout"), content);
    TreeMap<String, Spooled> spooled = new TreeMap<>();
    spooled.put(Observation.STDOUT, new Spooled(file, Files.size(file)));
    return Observation.ofCommand(0, Optional.empty(), new TreeMap<>(), spooled, Duration.ZERO);
  }

  @Test
  void secretsFarIntoALargeStreamAreRedactedAsInMemory() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300_000; i++) {
      text.append("line ").append(i).append('\n');
      if (i == 250_000) {
        text.append("API_TOKEN=s3cr3t-value-123\n");
      }
    }
    Observation big = spooled(text.toString());

    Observation redacted = redactor.apply(big);

    byte[] onDisk = Files.readAllBytes(redacted.spooled().get(Observation.STDOUT).file());
    assertThat(new String(onDisk, StandardCharsets.UTF_8))
        .isEqualTo(redactor.text(text.toString()))
        .doesNotContain("s3cr3t-value-123");
    assertThat(redacted.size(Observation.STDOUT)).isEqualTo(onDisk.length);
    assertThat(Files.readString(big.spooled().get(Observation.STDOUT).file()))
        .isEqualTo(text.toString());
  }

  @Test
  void aStreamWithoutSecretsIsLeftAsItIsWithoutACopy() throws Exception {
    Observation big = spooled("line\n".repeat(400_000));

    assertThat(redactor.apply(big)).isSameAs(big);
  }

  @Test
  void cleanPiecesBetweenAndAfterSecretsAreCopiedWhole() throws Exception {
    StringBuilder text = new StringBuilder("password=first-s3cr3t\n");
    for (int i = 0; i < 500_000; i++) {
      text.append("record ").append(i).append(" value=").append((long) i * 7919).append('\n');
      if (i == 300_000) {
        text.append("token=middle-s3cr3t\n");
      }
    }
    Observation big = spooled(text.toString());

    Observation redacted = redactor.apply(big);

    String onDisk = Files.readString(redacted.spooled().get(Observation.STDOUT).file());
    assertThat(onDisk)
        .isEqualTo(redactor.text(text.toString()))
        .doesNotContain("first-s3cr3t", "middle-s3cr3t")
        .endsWith("record 499999 value=" + 499_999L * 7919 + "\n");
  }
}
