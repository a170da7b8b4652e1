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
import java.util.function.IntConsumer;

/**
 * One client's run in the daemon: {@code parity ARGS} exactly as {@code ParityCommand.main} runs
 * it, with standard output and error sent to the client as frames, and the client's end or signal
 * ending the daemon as that signal ends a JVM.
 */
final class ClientRun {
  /** The largest frame a client sends once the run started: an {@code S}. */
  private static final int SIGNAL_FRAME = 4;

  private static final int SIGQUIT = 3;
  private static final int SIGKILL = 9;

  private final SocketChannel client;
  private final IntConsumer exit;
  private final Object lock = new Object();

  /**
   * Set by what comes first: the run's end, whose exit code then goes to the client, or the
   * client's signal or end, which then ends the JVM.
   */
  private final AtomicBoolean ended = new AtomicBoolean();

  /** A run for {@code client} that ends the JVM with {@link System#exit}. */
  ClientRun(SocketChannel client) {
    this(client, System::exit);
  }

  /** The same, ending the JVM with {@code exit} (a test's). */
  ClientRun(SocketChannel client, IntConsumer exit) {
    this.client = client;
    this.exit = exit;
  }

  /**
   * Runs {@code args} with {@link System#out} and {@link System#err} sent to the client and returns
   * the exit code, for {@link #sendExitCode}. The caller runs one at a time: the streams are the
   * JVM's.
   *
   * <p>A run that ends after the client's signal (or end) started the JVM's exit does not return:
   * as the main thread of a JVM stopped by a signal, it waits in {@code System.exit} for the
   * shutdown hooks and the end, and no exit code goes to the client, which exits 128 + its signal
   * as that JVM would (not the run's code, nor a pass after the stop).
   *
   * @throws IOException when the client is gone, or (only where {@code exit} returns) the run was
   *     stopped
   */
  int run(String[] args) throws IOException {
    PrintStream daemonOut = System.out;
    PrintStream daemonErr = System.err;
    Charset charset = stdoutCharset();
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FrameOutputStream(client, lock, 'O')), true, charset);
    PrintStream err =
        new PrintStream(
            new BufferedOutputStream(new FrameOutputStream(client, lock, 'E')), true, charset);
    Thread watcher = new Thread(() -> watchClient(out), "parity-daemon-client-watch");
    watcher.setDaemon(true);
    int code;
    boolean stopped;
    try {
      System.setOut(out);
      System.setErr(err);
      watcher.start();
      code =
          ParityCommand.execute(
              new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
      out.flush();
      err.flush();
      stopped = !ended.compareAndSet(false, true);
      if (stopped) {
        exit.accept(code); // waits for the shutdown under way, its hooks printing to the client
      }
    } finally {
      System.setOut(daemonOut);
      System.setErr(daemonErr);
    }
    if (stopped) {
      throw new IOException("the run was stopped by its client's signal or end");
    }
    return code;
  }

  /** Tells the client the exit code {@link #run} returned, which ends its relay. */
  void sendExitCode(int code) throws IOException {
    synchronized (lock) {
      Frame.ofInt('X', code).writeTo(client);
    }
  }

  /**
   * Ends the daemon as a signal the client passes on ends a JVM (its shutdown hooks run, the run's
   * programs are killed with their trees, exit status 128 + the signal); a client that is gone
   * before its run ended counts as killed (SIGKILL), with the shutdown hooks run all the same, so
   * that the run's reports say it was stopped. SIGQUIT prints the JVM's thread dump to the run's
   * standard output {@code out}, and the run goes on, as in a JVM.
   */
  private void watchClient(PrintStream out) {
    int signal = SIGKILL;
    try {
      for (Optional<Frame> frame = Frame.readFrom(client, SIGNAL_FRAME);
          frame.isPresent();
          frame = Frame.readFrom(client, SIGNAL_FRAME)) {
        if (frame.get().type() == 'S' && frame.get().intValue() == SIGQUIT) {
          ThreadDump.print(out);
        } else if (frame.get().type() == 'S') {
          signal = frame.get().intValue();
          break;
        }
      }
    } catch (IOException gone) {
      // A broken connection is a client gone.
    }
    if (ended.compareAndSet(false, true)) {
      exit.accept(128 + (signal & 0x7f));
    }
  }

  /** The charset of the JVM's own standard output, which {@code ParityCommand.main} prints with. */
  private static Charset stdoutCharset() {
    String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
    return name == null ? Charset.defaultCharset() : Charset.forName(name);
  }
}
