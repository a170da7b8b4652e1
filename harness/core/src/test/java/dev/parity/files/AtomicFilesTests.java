package dev.parity.files;

import static dev.parity.testing.Observations.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.Umask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTests {
  @TempDir Path folder;

  @Test
  void replacesContentWholeAndLeavesNoTemporaryFile() throws Exception {
    Path target = folder.resolve("deep/file.txt");
    AtomicFiles.write(target, utf8("first"));
    AtomicFiles.write(target, utf8("second"));

    assertThat(target).hasContent("second");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void respectsTheUmaskSoGroupAndOthersCanReadWhatIsWritten() throws Exception {
    Umask.requireGroupAndOthersMayRead();
    Path target = folder.resolve("report.json");

    AtomicFiles.write(target, utf8("{}"));
    AtomicFiles.write(target, utf8("{}\n"));

    assertThat(Files.getPosixFilePermissions(target))
        .contains(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
  }
}
