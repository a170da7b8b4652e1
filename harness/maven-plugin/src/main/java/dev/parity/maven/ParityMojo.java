package dev.parity.maven;

import dev.parity.cli.ParityCommand;
import java.io.File;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What every goal shares: the suite and the options common to record, verify, compare and gate, as
 * the command line names them, and the run of {@code parity <goal>} in the build's JVM.
 */
abstract class ParityMojo extends AbstractMojo {
  /** The suite folder (the one holding suite.yaml), relative to the project folder. */
  @Parameter(property = "parity.suite", required = true)
  @Nullable File suite;

  /** {@code --out}: where verdict.json and the reports go (default: reports/&lt;suite&gt;). */
  @Parameter(property = "parity.out")
  @Nullable File out;

  /** {@code --filter}: run only the cases whose id matches this glob. */
  @Parameter(property = "parity.filter")
  @Nullable String filter;

  /** {@code --jobs}: cases run in parallel (default: the number of cores). */
  @Parameter(property = "parity.jobs")
  @Nullable Integer jobs;

  /** {@code --shard K/N}: run only shard K of N. */
  @Parameter(property = "parity.shard")
  @Nullable String shard;

  /** Any other option of the command, one element per command-line word. */
  @Parameter @Nullable List<String> args;

  /**
   * Whether a decision of legacy (exit 1 or 3) fails the build; {@code false} only reports it, for
   * report-only pipelines. A usage or configuration error (exit 2) fails the build either way.
   */
  @Parameter(property = "parity.failOnLegacy", defaultValue = "true")
  boolean failOnLegacy = true;

  /** Skips the goal. */
  @Parameter(property = "parity.skip", defaultValue = "false")
  boolean skip;

  /** The parity command this goal runs. */
  abstract String command();

  /** Adds this goal's own options to {@code line}. */
  void own(List<String> line) {}

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("Parity " + command() + " skipped (parity.skip)");
      return;
    }
    List<String> line = commandLine();
    getLog().info("Running parity " + String.join(" ", line));
    LogWriter info = new LogWriter(getLog()::info);
    LogWriter error = new LogWriter(getLog()::error);
    int code;
    try (PrintWriter out = new PrintWriter(info, true);
        PrintWriter err = new PrintWriter(error, true)) {
      code = ParityCommand.execute(out, err, line.toArray(String[]::new));
    }
    ExitOutcome outcome =
        ExitOutcome.of(command(), String.valueOf(suite), code, failOnLegacy, error.last());
    outcome.warning().ifPresent(getLog()::warn);
    if (outcome.failure().isPresent()) {
      throw new MojoFailureException(outcome.failure().get());
    }
  }

  /**
   * The command line: the goal, the suite, the common options, the goal's own, then {@link #args}.
   */
  List<String> commandLine() throws MojoFailureException {
    if (suite == null) {
      throw new MojoFailureException(
          "no suite given: set <suite> in the plugin's configuration or -Dparity.suite=<folder>");
    }
    List<String> line = new ArrayList<>(List.of(command(), suite.getPath()));
    option(line, "--out", out == null ? null : out.getPath());
    option(line, "--filter", filter);
    option(line, "--jobs", jobs == null ? null : jobs.toString());
    option(line, "--shard", shard);
    own(line);
    if (args != null) {
      line.addAll(args);
    }
    return line;
  }

  static void option(List<String> line, String name, @Nullable String value) {
    if (value != null) {
      line.add(name);
      line.add(value);
    }
  }

  static void flag(List<String> line, String name, boolean on) {
    if (on) {
      line.add(name);
    }
  }
}
