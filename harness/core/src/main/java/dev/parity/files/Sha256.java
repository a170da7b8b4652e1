package dev.parity.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SHA-256 of bytes and of files, as lowercase hex, fast at any size.
 *
 * <p>{@code ./parity} stops the JIT at C1 (issue 13: a run spawns programs and waits), and C1 has
 * no SHA intrinsic: there the JDK's SHA-256 hashes about 100 MB/s, in C2 with the CPU's SHA
 * instructions about 1 GB/s (1 GiB: 10.6 s against 1.0 s on the benchmark machine,
 * docs/benchmarks.md). So a file or byte array of at least {@link #CHILD_FROM} bytes (a large
 * golden stream) is hashed by a second JVM with the default JIT, started from this class's own jar
 * or folder ({@link #main}), which reads the file or, through a pipe, the bytes; the same JDK class
 * computes it there, so the digest is the same. Where that JVM cannot be started or answers
 * anything but a digest, this JVM computes it. The second JVM halts when this one is gone, so a
 * killed Parity leaves no hashing behind.
 */
public final class Sha256 {
  /** From this size on, a JVM with C2 hashes: 16 MiB (about 0.16 s in C1, 0.1 s to start it). */
  public static final long CHILD_FROM = 16L << 20;

  private static final int BLOCK = 1 << 20;
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

  /** The second JVM's argument for "hash your standard input". */
  private static final String STDIN = "-";

  private Sha256() {}

  /** The digest of {@code bytes}, by a JVM with C2 when they are many (sent through a pipe). */
  public static String of(byte[] bytes) {
    if (bytes.length >= CHILD_FROM) {
      Optional<String> fast = inFastJvm(bytes);
      if (fast.isPresent()) {
        return fast.get();
      }
    }
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The digest of {@code bytes} from a second JVM that reads them from its standard input. */
  static Optional<String> inFastJvm(byte[] bytes) {
    Optional<Process> child = startChild(STDIN);
    if (child.isEmpty()) {
      return Optional.empty();
    }
    try {
      // The child prints only once its input has ended, so writing all of it first cannot block
      // on its output.
      try (OutputStream in = child.get().getOutputStream()) {
        in.write(bytes);
      }
      return answer(child.get(), "bytes in memory");
    } catch (IOException e) {
      child.get().destroyForcibly();
      return Optional.empty();
    }
  }

  /** The digest of what {@code in} holds from here to its end. */
  public static String of(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] block = new byte[BLOCK];
    int n;
    while ((n = in.read(block)) > 0) {
      digest.update(block, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The digest of {@code file}'s content, by a JVM with C2 when it is large. */
  public static String of(Path file) throws IOException {
    return start(file).await();
  }

  /** A file's digest being computed, by a second JVM while the caller does something else. */
  @FunctionalInterface
  public interface Pending {
    /** The digest, once computed. */
    String await() throws IOException;
  }

  /**
   * Starts computing the digest of {@code file}'s content: a large file's in a second JVM, which
   * reads it while this one goes on; a small file's here and now.
   */
  public static Pending start(Path file) throws IOException {
    if (Files.size(file) >= CHILD_FROM) {
      Optional<Process> child = startChild(file.toAbsolutePath().toString());
      if (child.isPresent()) {
        return () -> {
          Optional<String> answered = answer(child.get(), file.toString());
          return answered.isPresent() ? answered.get() : inThisJvm(file);
        };
      }
    }
    String digest = inThisJvm(file);
    return () -> digest;
  }

  /** The digest of {@code file}'s content, computed in this JVM. */
  static String inThisJvm(Path file) throws IOException {
    MessageDigest digest = digest();
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer block = ByteBuffer.allocate(BLOCK);
      while (channel.read(block) >= 0) {
        block.flip();
        digest.update(block);
        block.clear();
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The digest of {@code file} from a second JVM with the default JIT, or empty where none could be
   * started or it did not print one.
   */
  static Optional<String> inFastJvm(Path file) throws IOException {
    Optional<Process> child = startChild(file.toAbsolutePath().toString());
    return child.isEmpty() ? Optional.empty() : answer(child.get(), file.toString());
  }

  /**
   * The second JVM hashing the file named {@code what}, or its standard input for {@link #STDIN};
   * empty where none could be started.
   */
  private static Optional<Process> startChild(String what) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Optional<Path> home = home();
    if (home.isEmpty() || !Files.isExecutable(java)) {
      return Optional.empty();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    // C2 on (./parity's C1-only flag is not inherited, and these win over any
                    // JDK_JAVA_OPTIONS), little heap, no perf data file in /tmp.
                    "-XX:TieredStopAtLevel=4",
                    "-XX:+UseSerialGC",
                    "-Xmx32m",
                    "-XX:-UsePerfData",
                    "-Xshare:auto",
                    "-cp",
                    home.get().toString(),
                    Sha256.class.getName(),
                    what))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> environment = builder.environment();
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.remove("JDK_JAVA_OPTIONS");
    try {
      Process process = builder.start();
      if (!what.equals(STDIN)) {
        process.getOutputStream().close();
      }
      return Optional.of(process);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What the second JVM hashing {@code file} answered, if it printed a digest and exited 0. */
  private static Optional<String> answer(Process process, String what) throws IOException {
    try (InputStream out = process.getInputStream()) {
      String answer = new String(out.readNBytes(200), StandardCharsets.US_ASCII).strip();
      int status = process.waitFor();
      return status == 0 && DIGEST.matcher(answer).matches()
          ? Optional.of(answer)
          : Optional.empty();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while hashing " + what, e);
    } finally {
      process.destroyForcibly();
    }
  }

  /** The jar or class folder this class was loaded from, where a JVM can load it again. */
  private static Optional<Path> home() {
    try {
      var source = Sha256.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The second JVM: prints the digest of the file named by the only argument (of its standard input
   * for {@code -}) and exits 0, or exits 2; halts as soon as the JVM that started it is gone.
   */
  public static void main(String[] args) {
    ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
    Thread watch =
        new Thread(
            () -> {
              while (parent.isAlive()) {
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Runtime.getRuntime().halt(3);
            },
            "parity-sha256-parent");
    watch.setDaemon(true);
    watch.start();
    try {
      System.out.println(STDIN.equals(args[0]) ? of(System.in) : inThisJvm(Path.of(args[0])));
    } catch (IOException | RuntimeException e) {
      System.exit(2);
    }
  }
}
