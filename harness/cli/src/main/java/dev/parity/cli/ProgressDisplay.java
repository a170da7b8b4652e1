package dev.parity.cli;

import dev.parity.engine.Progress;
import dev.parity.verdict.CaseResult;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar (done/total, passes, failures, elapsed) on an interactive terminal; nothing
 * otherwise, so CI logs are not flooded.
 */
final class ProgressDisplay implements Progress, AutoCloseable {
  private final String task;
  private final boolean enabled;
  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private @Nullable ProgressBar bar;

  private ProgressDisplay(String task, boolean enabled) {
    this.task = task;
    this.enabled = enabled;
  }

  static ProgressDisplay forConsole(String task) {
    return new ProgressDisplay(
        task, Terminals.interactive().isPresent() && !Boolean.getBoolean("parity.noProgress"));
  }

  @Override
  public synchronized void started(int totalCases) {
    if (enabled) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(totalCases)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(200)
              .continuousUpdate()
              .setMaxRenderedLength(100)
              .build();
    }
  }

  @Override
  public void finished(CaseResult result) {
    (switch (result.status()) {
          case PASS, ACCEPTED -> passed;
          case FAIL -> failed;
          case ERROR -> errors;
        })
        .incrementAndGet();
    synchronized (this) {
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(
            " pass " + passed.get() + " fail " + failed.get() + " error " + errors.get());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
