package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher is installed where only this user can replace it, under its content's hash. */
class LauncherTests {
  @BeforeAll
  static void theLauncherRunsHere() {
    Survivors.requireLauncher();
  }

  @Test
  void isInstalledPrivatelyUnderItsContentHash() throws Exception {
    Path executable = Launcher.get().orElseThrow().executable();

    assertThat(executable.getFileName().toString()).matches("parity-launch-[0-9a-f]{32}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(executable.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.isSymbolicLink(executable)).isFalse();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(executable, LinkOption.NOFOLLOW_LINKS)))
        .isEqualTo("rwx------");
  }

  @Test
  void isUsedForCommandsWhenPresentAndCanBeDisabled() {
    Path status = Path.of("/tmp/status");

    assertThat(Launcher.get().orElseThrow().command(status, List.of("prog", "arg")))
        .endsWith("/tmp/status", "prog", "arg");
    System.setProperty(Launcher.DISABLE_PROPERTY, "true");
    try {
      assertThat(Launcher.get()).isEmpty();
      assertThat(Launcher.unavailableReason()).isEqualTo("disabled by -Dparity.noLauncher");
    } finally {
      System.clearProperty(Launcher.DISABLE_PROPERTY);
    }
  }
}
