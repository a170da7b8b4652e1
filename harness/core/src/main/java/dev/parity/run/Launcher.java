package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The native launcher {@code parity-launch} (src/main/c/parity-launch.c): runs a program as a child
 * subreaper so that nothing the program starts outlives its run or Parity, and reports through a
 * status file whether the program exited, was killed by a signal, or could not be executed.
 *
 * <p>The build compiles it into the jar for the build machine; at run time it is copied once to a
 * private, content-addressed cache file and checked by running it. Where that fails (no C compiler
 * at build time, not Linux, another CPU) {@link #get()} is empty and runs fall back to {@code
 * setsid}; {@link #unavailableReason()} says why.
 */
final class Launcher {
  /** Set to {@code true} to run without the launcher (tests of the fallback). */
  static final String DISABLE_PROPERTY = "parity.noLauncher";

  private static final String VERSION = "parity-launch 2";
  private static final Set<PosixFilePermission> PRIVATE =
      PosixFilePermissions.fromString("rwx------");
  private static volatile Located located = locate();

  private final Path executable;

  private Launcher(Path executable) {
    this.executable = executable;
  }

  private record Located(Optional<Launcher> launcher, String reason) {}

  /** The launcher, or empty where it cannot run here (or is disabled). */
  static Optional<Launcher> get() {
    if (Boolean.getBoolean(DISABLE_PROPERTY)) {
      return Optional.empty();
    }
    return current().launcher();
  }

  /** Why {@link #get()} is empty, or an empty string when it is not. */
  static String unavailableReason() {
    return Boolean.getBoolean(DISABLE_PROPERTY)
        ? "disabled by -D" + DISABLE_PROPERTY
        : current().reason();
  }

  /**
   * The launcher located at the first use, installed again when its copy is gone: a JVM that serves
   * many runs (the daemon of {@code PARITY_DAEMON=1}) outlives a cache folder cleaned between them,
   * where a JVM of each run's own would install it again.
   */
  private static Located current() {
    Located found = located;
    if (found.launcher().isPresent()
        && !Files.isRegularFile(found.launcher().get().executable, LinkOption.NOFOLLOW_LINKS)) {
      found = locate();
      located = found;
    }
    return found;
  }

  /** The command line that runs {@code argv} through the launcher, reporting to {@code status}. */
  List<String> command(Path status, List<String> argv) {
    List<String> line = new ArrayList<>(argv.size() + 2);
    line.add(executable.toString());
    line.add(status.toString());
    line.addAll(argv);
    return line;
  }

  /** Where the launcher was installed. */
  Path executable() {
    return executable;
  }

  private static Located locate() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (!os.startsWith("linux")) {
      return new Located(Optional.empty(), "the launcher runs on Linux only, this is " + os);
    }
    String resource = "parity-launch-linux-" + System.getProperty("os.arch");
    byte[] bytes;
    try (InputStream in = Launcher.class.getResourceAsStream(resource)) {
      if (in == null) {
        return new Located(
            Optional.empty(),
            "this build has no launcher for "
                + System.getProperty("os.arch")
                + " (the build found no C compiler `cc`; install gcc and rebuild)");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      return new Located(Optional.empty(), "cannot read the launcher: " + e.getMessage());
    }
    try {
      Path executable = extract(bytes, cacheFolders());
      String problem = check(executable);
      return problem.isEmpty()
          ? new Located(Optional.of(new Launcher(executable)), "")
          : new Located(Optional.empty(), problem);
    } catch (IOException e) {
      return new Located(Optional.empty(), "cannot install the launcher: " + e.getMessage());
    }
  }

  /**
   * Copies the launcher to {@code <folder>/parity-launch-<sha256>} in the first of {@code folders}
   * that only this user can enter, unless a copy with exactly these bytes is there already. The
   * copy found is compared byte for byte, not hashed again (issue 13: one SHA-256 of the launcher
   * per start instead of two, and a check that no hash collision could pass).
   */
  static Path extract(byte[] bytes, List<Path> folders) throws IOException {
    String hash = sha256(bytes).substring(0, 32);
    for (Path folder : folders) {
      try {
        Files.createDirectories(folder);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
            || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS)
                .getName()
                .equals(System.getProperty("user.name"))) {
          continue; // not a folder of ours: someone else could swap the launcher
        }
        Files.setPosixFilePermissions(folder, PRIVATE);
        Path target = folder.resolve("parity-launch-" + hash);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
            && Files.size(target) == bytes.length
            && Arrays.equals(Files.readAllBytes(target), bytes)) {
          return target;
        }
        Path temporary = Files.createTempFile(folder, ".parity-launch-", ".tmp");
        try {
          Files.write(temporary, bytes);
          Files.setPosixFilePermissions(temporary, PRIVATE);
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(temporary);
        }
        return target;
      } catch (FileSystemException e) {
        // A read-only home: try the next folder.
      }
    }
    throw new IOException("no writable cache folder among " + folders);
  }

  private static List<Path> cacheFolders() {
    String user = System.getProperty("user.name", "user");
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).resolve("parity-launch-" + user);
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path home =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg, "parity")
            : Path.of(System.getProperty("user.home"), ".cache", "parity");
    return List.of(home, tmp);
  }

  /** Runs the launcher's self-check; empty when it works. */
  private static String check(Path executable) {
    try {
      Process process =
          new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readNBytes(4096);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "the launcher " + executable + " did not answer its self-check";
      }
      String text = new String(out, StandardCharsets.UTF_8).trim();
      return process.exitValue() == 0 && text.equals(VERSION)
          ? ""
          : "the launcher " + executable + " fails its self-check: " + text;
    } catch (IOException e) {
      return "the launcher " + executable + " cannot run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while checking the launcher";
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
