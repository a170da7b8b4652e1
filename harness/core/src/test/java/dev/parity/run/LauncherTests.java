package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void isBuiltWithoutTheCLibraryOnX86() throws Exception {
    // Every run execs the launcher; the C library's start-up was most of its own CPU (issue 13).
    // A static glibc build is about 750 KB, the build without it about 16 KB.
    Path executable = Launcher.get().orElseThrow().executable();
    if (Set.of("amd64", "x86_64").contains(System.getProperty("os.arch"))) {
      assertThat(Files.size(executable)).isLessThan(100_000);
    }
  }

  @Test
  @Timeout(60)
  void runsAScriptWithoutInterpreterLineThroughTheShellAsExecvpDoes(@TempDir Path dir)
      throws Exception {
    Path script = executable(dir.resolve("plain"), "echo plain \"$1\"\n");

    assertThat(launch(dir, Map.of(), script.toString(), "arg")).isEqualTo("plain arg\nexit 0");
  }

  @Test
  @Timeout(60)
  void looksProgramsUpOnPathSkippingFoldersWhereTheyCannotRun(@TempDir Path dir) throws Exception {
    Path first = Files.createDirectory(dir.resolve("first"));
    Path second = Files.createDirectory(dir.resolve("second"));
    Files.writeString(first.resolve("tool"), "#!/bin/sh\necho wrong\n"); // not executable
    executable(second.resolve("tool"), "#!/bin/sh\necho right\n");
    String path = "/no/such/folder:" + first + ":" + second;

    assertThat(launch(dir, Map.of("PATH", path), "tool")).isEqualTo("right\nexit 0");
    assertThat(launch(dir, Map.of("PATH", "/no/such/folder:" + first), "tool"))
        .isEqualTo("exec-error 13 Permission denied");
    assertThat(launch(dir, Map.of("PATH", "/no/such/folder"), "tool"))
        .isEqualTo("exec-error 2 No such file or directory");
  }

  private static Path executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  /** Runs argv through the launcher; its output, then its status line. */
  private static String launch(Path dir, Map<String, String> env, String... argv) throws Exception {
    Path status = dir.resolve("status");
    Files.deleteIfExists(status);
    List<String> command =
        new ArrayList<>(Launcher.get().orElseThrow().command(status, List.of(argv)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out + Files.readString(status).strip();
  }
}
