package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.ConfigException;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictFilesTests {
  private static final VerdictFiles.InFolder RUN =
      new VerdictFiles.InFolder("run folder", "give a folder", "run it first", "run it again");

  @TempDir Path temp;

  @Test
  void aMissingFileIsTheCallersMessage() {
    Path file = temp.resolve("verdict.json");

    assertThatThrownBy(() -> VerdictFiles.read(file, "no such file", p -> "bad: " + p))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void anUnreadableFileIsTheCallersMessageWithTheFirstLineOfTheProblem() throws Exception {
    Path file = Files.writeString(temp.resolve("verdict.json"), "{ not json");

    assertThatThrownBy(() -> VerdictFiles.read(file, "no such file", p -> "bad (" + p + ")"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad (")
        .hasMessageNotContaining("no such file")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  @Test
  void aFolderNamesWhatIsMissingAndEachFix() throws Exception {
    Path folder = temp.resolve("out");
    assertThatThrownBy(() -> RUN.read(folder))
        .hasMessageContaining("run folder [" + folder + "] does not exist; give a folder");

    Files.createDirectories(folder);
    assertThatThrownBy(() -> RUN.read(folder))
        .hasMessageContaining("no verdict.json in [" + folder + "]; run it first");

    Files.writeString(folder.resolve(VerdictJson.FILE), "[]");
    assertThatThrownBy(() -> RUN.read(folder))
        .hasMessageContaining("unreadable verdict [")
        .hasMessageContaining("]; run it again");
  }

  @Test
  void aWrittenVerdictIsReadBack() throws Exception {
    Verdict written = Verdict.of("s", Mode.COMPARE, List.of(), List.of(), Instant.EPOCH, 0);
    Path folder = Files.createDirectories(temp.resolve("out"));
    Files.writeString(folder.resolve(VerdictJson.FILE), VerdictJson.toJson(written));

    assertThat(RUN.read(folder).suite()).isEqualTo("s");
  }
}
