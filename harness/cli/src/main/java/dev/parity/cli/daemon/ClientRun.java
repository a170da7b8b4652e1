package dev.parity.cli.daemon;

import dev.parity.cli.ParityCommand;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's run in the daemon: {@code parity ARGS} exactly as {@code ParityCommand.main} runs
 * it, with standard output and error sent to the client as frames, and the client's end or signal
 * ending the daemon as that signal ends a JVM.
 */
final class ClientRun {
  /** The largest frame a client sends once the run started: an {@code S}. */
  private static final int SIGNAL_FRAME = 4;

  private final SocketChannel client;
  private final Object lock = new Object();

  /** Set once, by whichever comes first: the run's end, or the client's signal or end. */
  private final AtomicBoolean ended = new AtomicBoolean();

  ClientRun(SocketChannel client) {
    this.client = client;
  }

  /**
   * Runs {@code args} with {@link System#out} and {@link System#err} sent to the client and returns
   * the exit code, for {@link #sendExitCode}. The caller runs one at a time: the streams are the
   * JVM's.
   */
  int run(String[] args) throws IOException {
    Thread watcher = new Thread(this::watchClient, "parity-daemon-client-watch");
    watcher.setDaemon(true);
    PrintStream daemonOut = System.out;
    PrintStream daemonErr = System.err;
    Charset charset = stdoutCharset();
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FrameOutputStream(client, lock, 'O')), true, charset);
    PrintStream err =
        new PrintStream(
            new BufferedOutputStream(new FrameOutputStream(client, lock, 'E')), true, charset);
    int code;
    try {
      System.setOut(out);
      System.setErr(err);
      synchronized (lock) {
        Frame.of('K').writeTo(client);
      }
      watcher.start();
      code =
          ParityCommand.execute(
              new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
      out.flush();
      err.flush();
    } catch (IOException | RuntimeException e) {
      System.setOut(daemonOut);
      System.setErr(daemonErr);
      throw e;
    }
    if (!ended.compareAndSet(false, true)) {
      // The client's signal (or end) is ending this JVM, as it would end a JVM of its own: the
      // exit status is the signal's, not the run's, and the shutdown hooks still print to the
      // client.
      awaitHalt();
    }
    System.setOut(daemonOut);
    System.setErr(daemonErr);
    return code;
  }

  /** Tells the client the run's exit code, which ends its relay. */
  void sendExitCode(int code) throws IOException {
    synchronized (lock) {
      Frame.ofInt('X', code).writeTo(client);
    }
  }

  /**
   * Ends the daemon as a signal the client passes on ends a JVM (its shutdown hooks run, the run's
   * programs are killed with their trees, exit status 128 + the signal); a client that is gone
   * before its run ended counts as killed (SIGKILL), with the shutdown hooks run all the same, so
   * that the run's reports say it was stopped.
   */
  private void watchClient() {
    int signal = 9;
    try {
      Optional<Frame> frame = Frame.readFrom(client, SIGNAL_FRAME);
      while (frame.isPresent() && frame.get().type() != 'S') {
        frame = Frame.readFrom(client, SIGNAL_FRAME);
      }
      if (frame.isPresent()) {
        signal = frame.get().intValue();
      }
    } catch (IOException gone) {
      // A broken connection is a client gone.
    }
    if (ended.compareAndSet(false, true)) {
      System.exit(128 + (signal & 0x7f));
    }
  }

  /** Waits for the shutdown under way to halt the JVM. */
  private static void awaitHalt() {
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // Only the halt ends this thread.
      }
    }
  }

  /** The charset of the JVM's own standard output, which {@code ParityCommand.main} prints with. */
  private static Charset stdoutCharset() {
    String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
    return name == null ? Charset.defaultCharset() : Charset.forName(name);
  }
}
