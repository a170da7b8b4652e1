package dev.parity.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.jspecify.annotations.Nullable;

/**
 * A synchronous executor that remembers the process it launched, so the whole tree can be killed.
 *
 * <p>Commons Exec's own watchdog kills only the direct child; grandchildren would keep the output
 * pipes open and outlive the run.
 */
final class TreeKillingExecutor extends DefaultExecutor {
  private final ProcessTree.Containment containment;
  private final Path status;
  private volatile @Nullable Process process;
  private volatile boolean launching;

  /** Set by {@link #killTree()}: a process launched after it is stopped at once. */
  private volatile boolean killed;

  @SuppressWarnings("deprecation") // the builder cannot be subclassed; launch() must be overridden
  /**
   * @param status the launcher's status file (with {@link ProcessTree.Containment#LAUNCHER})
   */
  TreeKillingExecutor(ProcessTree.Containment containment, Path status) {
    super();
    this.containment = containment;
    this.status = status;
  }

  @Override
  protected Process launch(
      CommandLine command, Map<String, String> env, @Nullable Path workingDirectory)
      throws IOException {
    launching = true;
    Process launched = super.launch(command, env, workingDirectory);
    this.process = launched;
    if (killed) {
      // The timeout passed while the program was being started (a short one, a loaded machine):
      // without this, it would run unbounded.
      ProcessTree.stop(launched, containment);
    }
    if (containment == ProcessTree.Containment.PROCESS_GROUP) {
      // Kill what the program left behind as soon as it exits, so leftovers cannot hold stdout
      // open.
      long group = launched.pid();
      launched.onExit().thenRun(() -> ProcessTree.reapGroupLater(group));
    } else if (containment == ProcessTree.Containment.LAUNCHER) {
      // What a killed launcher leaves running holds stdout open: kill it at once.
      ProcessTree.killSessionWhenAbandoned(launched, status);
    }
    return launched;
  }

  @Override
  protected Process launch(CommandLine command, Map<String, String> env, File dir)
      throws IOException {
    return launch(command, env, dir == null ? null : dir.toPath());
  }

  /** Kills the tree unless the program has already exited (its group is then killed on exit). */
  void killTreeIfAlive() {
    Process launched = process;
    if (launched != null && launched.isAlive()) {
      killTree();
    }
  }

  /**
   * Kills the tree; when the program is being launched right now (it may already run while the
   * launch call has not returned), first waits up to {@code grace} for its process to be known.
   */
  void killTreeWhenLaunched(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (process == null && launching && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    killTree();
  }

  /**
   * Kills the process and everything it started (see {@link ProcessTree#stop}), or, when it is not
   * launched yet, as soon as it is.
   */
  void killTree() {
    killed = true;
    Process launched = process;
    if (launched != null) {
      ProcessTree.stop(launched, containment);
    }
  }
}
