package dev.parity.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.CommandCase;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.Content;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Suites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A repro script pipes a case's stdin byte for byte: bytes of a table, and text with a NUL. */
class ReproBytesTests {
  @TempDir Path temp;

  @Test
  @Timeout(60)
  void stdinBytesAndTextWithANulAreSentExactly() throws Exception {
    byte[] bytes = {0, 1, '%', '\\', '\'', '\n', (byte) 0xff, (byte) 0xfe, 'x'};
    Path folder = Files.createDirectories(temp.resolve("project/fixtures/b"));
    Suite suite =
        Suites.suite(folder, new CommandImplementation(List.of("cat"), Map.of(), Optional.empty()))
            .cases(
                stdinCase("bytes", new Content.Bytes(bytes)),
                stdinCase("nul", new Content.Inline("a\0b%s\\n")))
            .build();

    assertThat(run(folder, Repro.of(suite, Side.LEGACY, suite.cases().get(0)))).isEqualTo(bytes);
    assertThat(run(folder, Repro.of(suite, Side.LEGACY, suite.cases().get(1))))
        .isEqualTo("a\0b%s\\n".getBytes(StandardCharsets.UTF_8));
  }

  private static CommandCase stdinCase(String id, Content stdin) {
    return new CommandCase(
        id,
        Path.of("suite.yaml"),
        List.of(),
        Optional.of(stdin),
        Map.of(),
        List.of(),
        List.of(),
        false,
        Optional.empty(),
        List.of(),
        List.of());
  }

  private static byte[] run(Path folder, String script) throws Exception {
    Process process =
        new ProcessBuilder("sh", "-c", script)
            .directory(folder.getParent().getParent().toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
