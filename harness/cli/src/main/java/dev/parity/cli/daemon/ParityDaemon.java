package dev.parity.cli.daemon;

import dev.parity.cli.ParityCommand;
import dev.parity.run.CommandRunner;
import dev.parity.verdict.ExitCodes;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident JVM that {@code parity-client} starts (docs/daemon.md): it serves the clients whose
 * context is byte for byte the one it was started with (written by its first client next to its
 * socket), one run at a time, and ends when idle, after a run that did not end with 0 or 1, or
 * after a run that left a process behind, and when its jar changes (a rebuild: the next runs are
 * another context). Once its JVM printed anything itself ({@link JvmOutput}) it serves no client:
 * each runs a JVM of its own, which prints that for its run.
 */
public final class ParityDaemon {
  private static final int MAX_FRAME = 64 << 20;

  private final ServerSocketChannel server;
  private final Path socket;
  private final Object socketKey;
  private final byte[] context;
  private final long idleNanos;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong lastActive = new AtomicLong(System.nanoTime());
  private final JarWatch jar = JarWatch.ofClassPath();

  private ParityDaemon(
      ServerSocketChannel server, Path socket, Object socketKey, byte[] context, long idleSeconds) {
    this.server = server;
    this.socket = socket;
    this.socketKey = socketKey;
    this.context = context.clone();
    this.idleNanos = idleSeconds * 1_000_000_000L;
  }

  /** Started by {@code parity-client} with {@code -Dparity.daemon=SOCKET}. */
  public static void main(String[] args) throws IOException {
    ParityCommand.prepareJvm();
    Path socket = Path.of(Objects.requireNonNull(System.getProperty("parity.daemon")));
    String name = socket.getFileName().toString();
    Path contextFile = socket.resolveSibling(name.replaceFirst("\\.sock$", "") + ".context");
    byte[] context = Files.readAllBytes(contextFile);
    Files.delete(contextFile);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Object key = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
    long idle = Long.getLong("parity.daemon.idleSeconds", 180);
    new ParityDaemon(server, socket, key, context, idle).serve();
  }

  private void serve() {
    Thread idle = new Thread(this::endWhenIdle, "parity-daemon-idle");
    idle.setDaemon(true);
    idle.start();
    while (true) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        end();
        return;
      }
      Thread handler = new Thread(() -> handle(client), "parity-daemon-run");
      handler.start();
    }
  }

  private void handle(SocketChannel client) {
    try (client) {
      Optional<Frame> given = Frame.readFrom(client, MAX_FRAME);
      Optional<Frame> arguments = Frame.readFrom(client, MAX_FRAME);
      if (given.isEmpty() || arguments.isEmpty() || given.get().type() != 'C') {
        return;
      }
      if (!Arrays.equals(given.get().payload(), context) || JvmOutput.printed()) {
        Frame.of('M').writeTo(client); // the client runs a JVM of its own
        return;
      }
      if (!busy.compareAndSet(false, true)) {
        Frame.of('B').writeTo(client);
        return;
      }
      boolean claimed = false;
      try {
        claimed = claimed(client);
      } finally {
        if (!claimed) {
          busy.set(false);
        }
      }
      if (claimed) {
        serve(new ClientRun(client), arguments(arguments.get().payload()));
      }
    } catch (IOException gone) {
      // A client gone (killed while it sent its context): no failure of this JVM's, nothing logged,
      // since a daemon whose log holds anything serves no client (JvmOutput).
    } catch (RuntimeException broken) {
      broken.printStackTrace();
    }
  }

  /**
   * Tells the client that this daemon takes its run ({@code K}) and whether the client still wants
   * it here: its {@code G}. A client that waited too long for the answer (this JVM stopped or
   * stuck, docs/daemon.md) has closed its end and runs in a JVM of its own, so its run must not
   * start here as well, into the same output folder.
   */
  static boolean claimed(SocketChannel client) throws IOException {
    Frame.of('K').writeTo(client);
    Optional<Frame> go = Frame.readFrom(client, 0);
    return go.isPresent() && go.get().type() == 'G';
  }

  /**
   * Runs a claimed client's run; the daemon is free for the next client before this one learns its
   * exit code, so that a run started right after it finds the daemon free. After a run it cannot
   * serve again (or one that failed in the daemon itself) it ends, still busy.
   */
  private void serve(ClientRun run, String[] arguments) throws IOException {
    boolean reusable = false;
    try {
      int code = run.run(arguments);
      reusable = reusableAfter(code);
      if (reusable) {
        lastActive.set(System.nanoTime());
        busy.set(false);
      }
      run.sendExitCode(code);
    } finally {
      if (!reusable) {
        end(); // still busy: no other client starts a run on the way out
      }
    }
  }

  /**
   * Whether the next run may use this JVM: the run ended with 0 or 1 and no process it started is
   * left (a process left would have died with a JVM of its own).
   */
  private static boolean reusableAfter(int code) {
    return (code == ExitCodes.PASS || code == ExitCodes.MISMATCH)
        && ProcessHandle.current().children().findAny().isEmpty();
  }

  /**
   * The arguments, each ended by a NUL, decoded as the JVM decodes its command line ({@code
   * sun.jnu.encoding}).
   */
  static String[] arguments(byte[] payload) {
    String encoding = System.getProperty("sun.jnu.encoding");
    Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
    List<String> arguments = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < payload.length; i++) {
      if (payload[i] == 0) {
        arguments.add(new String(payload, start, i - start, charset));
        start = i + 1;
      }
    }
    return arguments.toArray(String[]::new);
  }

  private void endWhenIdle() {
    while (true) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      boolean idle = System.nanoTime() - lastActive.get() > idleNanos;
      if ((idle || jar.changed()) && busy.compareAndSet(false, true)) {
        end(); // busy now: a client that comes in the meantime runs its own JVM
      }
    }
  }

  /**
   * Stops accepting, removes the socket if it is still this daemon's, and halts: no run is going
   * on, and no shutdown hook of a finished run may act again.
   */
  private synchronized void end() {
    try {
      server.close();
      if (Files.readAttributes(socket, BasicFileAttributes.class).fileKey().equals(socketKey)) {
        Files.delete(socket);
      }
    } catch (IOException gone) {
      // Another daemon's socket, or none: nothing to remove.
    }
    // What the exit hooks would delete of the runs' folders; the halt runs none of them.
    CommandRunner.deleteKeptFolders();
    Runtime.getRuntime().halt(0);
  }
}
