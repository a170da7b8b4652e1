package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's folder is deleted whatever the run left in it, and nothing outside it is. */
class WorkdirsTests {
  @Test
  void deletesARunFolderHoldingOnlyItsKnownEntries() throws Exception {
    Path folder = Workdirs.create("run");
    Files.createDirectory(folder.resolve("work"));
    Files.writeString(folder.resolve("status"), "exit 0\n");

    Workdirs.deleteQuietly(folder, List.of("work", "status"));

    assertThat(folder).doesNotExist();
  }

  @Test
  void deletesWhatARunLeftBehindButNotWhatItsLinksPointTo(@TempDir Path outside) throws Exception {
    Path kept = Files.writeString(outside.resolve("kept"), "mine");
    Path folder = Workdirs.create("run");
    Path work = Files.createDirectories(folder.resolve("work/deep/er"));
    Files.writeString(work.resolve("left"), "behind");
    Files.createSymbolicLink(folder.resolve("work/link"), outside);
    Files.createSymbolicLink(folder.resolve("work/file-link"), kept);

    Workdirs.deleteQuietly(folder, List.of("work", "status"));

    assertThat(folder).doesNotExist();
    assertThat(kept).hasContent("mine");
  }
}
