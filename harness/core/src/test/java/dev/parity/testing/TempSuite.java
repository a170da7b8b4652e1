package dev.parity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a suite folder for a test: {@code <root>/fixtures/<name>/suite.yaml} plus any files. */
public final class TempSuite {
  private final Path root;
  private final Path folder;

  private TempSuite(Path root, String name) {
    this.root = root;
    this.folder = root.resolve("fixtures").resolve(name);
  }

  /** A suite named {@code name} in the project folder {@code root}. */
  public static TempSuite in(Path root, String name) {
    return new TempSuite(root, name);
  }

  /**
   * The head of a suite.yaml named {@code name} whose legacy and candidate run the suite's scripts
   * {@code legacy.sh} and {@code candidate.sh} ({@link #script}); its cases follow.
   */
  public static String scriptSides(String name) {
    return "name: "
        + name
        + "\nlegacy:\n  command: [sh, \"{suite}/legacy.sh\"]\ncandidate:\n"
        + "  command: [sh, \"{suite}/candidate.sh\"]\n";
  }

  /**
   * The head of a suite.yaml named {@code name} whose legacy is the suite's {@code app.py}, started
   * on a free port, and whose candidate is a URL nobody answers (a closed local port); its cases
   * follow. Side effects are allowed, so any method may be sent.
   */
  public static String startedAppAndClosedCandidate(String name) {
    return "name: "
        + name
        + "\nallowSideEffects: true\nlegacy:\n  start: [python3, \"{suite}/app.py\", \"{port}\"]\n"
        + "  ready: /health\ncandidate:\n  url: http://127.0.0.1:9/\ncases:\n";
  }

  /** Writes suite.yaml. */
  public TempSuite suiteYaml(String yaml) {
    return file("suite.yaml", yaml);
  }

  public TempSuite file(String relative, String content) {
    return bytes(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  public TempSuite bytes(String relative, byte[] content) {
    try {
      Path file = folder.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an executable script. */
  public TempSuite script(String relative, String content) {
    file(relative, content);
    try {
      Files.setPosixFilePermissions(
          folder.resolve(relative), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public Path folder() {
    return folder;
  }

  public Path root() {
    return root;
  }

  public Path golden() {
    return root.resolve("golden").resolve(folder.getFileName().toString());
  }

  public Path reports() {
    return root.resolve("reports").resolve(folder.getFileName().toString());
  }
}
