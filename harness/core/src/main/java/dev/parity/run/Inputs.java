package dev.parity.run;

import dev.parity.fixture.CommandCase;
import dev.parity.fixture.InputFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Copies a case's input files into a run's working directory: regular files and folders only,
 * within the case's deadline and a cap on the bytes copied.
 *
 * <p>The suite loader rejects inputs that are not regular files or folders; this checks again at
 * run time, since the suite folder may have changed since, and never opens a FIFO or a device: a
 * FIFO would block the run forever and {@code /dev/zero} would fill the disk. A symbolic link
 * inside a listed folder is copied as the regular file it leads to, if that lies inside the suite
 * folder; any other link is refused.
 */
final class Inputs {
  private static final long CHUNK = 1 << 20;

  /** An input that cannot be copied: the message says which and why. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }

    /** Never null: every refusal is made with its message. */
    @Override
    public String getMessage() {
      return Objects.requireNonNull(super.getMessage());
    }
  }

  private final Path suite;
  private final long deadlineNanos;
  private final long maxBytes;
  private long copied;

  private Inputs(Path suite, long deadlineNanos, long maxBytes) {
    this.suite = suite;
    this.deadlineNanos = deadlineNanos;
    this.maxBytes = maxBytes;
  }

  /**
   * Copies the inputs of {@code testCase}; refuses when one is not a regular file or folder, when
   * {@link System#nanoTime()} passes {@code deadlineNanos}, or when more than {@code maxBytes}
   * would be copied.
   */
  static void copy(
      Path suiteFolder, CommandCase testCase, Path workdir, long deadlineNanos, long maxBytes)
      throws IOException, Refused {
    Inputs inputs = new Inputs(suiteFolder.toRealPath(), deadlineNanos, maxBytes);
    for (InputFile input : testCase.files()) {
      Path target = workdir.resolve(input.target());
      Files.createDirectories(target.getParent());
      String name = display(suiteFolder, input.source());
      try {
        inputs.copyEntry(input.source(), target, name, true);
      } catch (IOException e) {
        // An unreadable input is the suite's problem, not the implementation's: the run fails.
        throw new Refused("cannot copy input [" + name + "]: " + e);
      }
    }
  }

  private void copyEntry(Path source, Path target, String name, boolean listed)
      throws IOException, Refused {
    BasicFileAttributes attributes =
        Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Path from = source;
    if (attributes.isSymbolicLink()) {
      from = source.toRealPath();
      if (!from.startsWith(suite)) {
        throw new Refused(
            "input ["
                + name
                + "] is a symbolic link that leads outside the suite folder; copy the file into the"
                + " suite instead");
      }
      attributes = Files.readAttributes(from, BasicFileAttributes.class);
      if (attributes.isDirectory() && !listed) {
        throw new Refused(
            "input ["
                + name
                + "] is a symbolic link to a folder; list that folder in [files] instead");
      }
    }
    if (attributes.isDirectory()) {
      Files.createDirectories(target);
      for (Path child : children(from)) {
        String childName = name + "/" + child.getFileName();
        copyEntry(child, target.resolve(child.getFileName().toString()), childName, false);
      }
    } else if (attributes.isRegularFile()) {
      copyFile(from, target, name, attributes.size());
    } else {
      throw new Refused(
          "input ["
              + name
              + "] is not a regular file or folder (a FIFO, device or socket);"
              + " [files] copies regular files and folders only");
    }
  }

  private static List<Path> children(Path folder) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      entries.forEach(children::add);
    }
    children.sort(null);
    return children;
  }

  private void copyFile(Path from, Path target, String name, long size)
      throws IOException, Refused {
    checkCap(name, size);
    try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                target,
                StandardOpenOption.WRITE,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      long position = 0;
      while (true) {
        if (System.nanoTime() > deadlineNanos) {
          throw new Refused(
              "the case timed out while copying its inputs (at ["
                  + name
                  + "], "
                  + copied
                  + " bytes copied); raise [timeout] if the inputs are just big");
        }
        long moved = in.transferTo(position, CHUNK, out);
        if (moved <= 0) {
          break;
        }
        position += moved;
        checkCap(name, moved);
        copied += moved;
      }
    }
    Files.setLastModifiedTime(target, Files.getLastModifiedTime(from));
    if (Files.isExecutable(from)) {
      target.toFile().setExecutable(true, false);
    }
  }

  private void checkCap(String name, long more) throws Refused {
    if (copied + more > maxBytes) {
      throw new Refused(
          "the inputs exceed the limit of "
              + maxBytes
              + " bytes (at ["
              + name
              + "]); Parity copies at most that much per run");
    }
  }

  private static String display(Path suiteFolder, Path source) {
    return source.startsWith(suiteFolder)
        ? suiteFolder.relativize(source).toString()
        : source.toString();
  }
}
