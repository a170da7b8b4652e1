package dev.parity.cli;

import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.shadow.ShadowProxy;
import dev.parity.shadow.ShadowSettings;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "shadow",
    mixinStandardHelpOptions = true,
    description = {
      "Serve clients from legacy through a reverse proxy and compare the candidate on the same "
          + "requests, off the client's path (HTTP suites whose legacy is a running `url:`).",
      "Every client gets legacy's response unchanged. GET, HEAD and OPTIONS requests (all methods "
          + "with allowSideEffects: true) are queued and sent to the candidate and once more to "
          + "legacy for noise (to the suite's legacySecondary: when it has one), then judged as "
          + "`parity compare` judges a case. A full queue drops "
          + "requests from comparison (counted), never delays a client.",
      "Running counts, clusters and a decision per route group (the first path segment, the "
          + "feature ci/nginx-map.py routes) are on http://LISTEN/_parity and in verdict.json, "
          + "rewritten every few seconds. SIGTERM or Ctrl-C stops taking clients, finishes the "
          + "comparisons in flight and writes the final verdict.json.",
      "A group with a request that was not compared (a write without allowSideEffects, a body "
          + "over the cap) decides legacy, as does the whole verdict: routed to the candidate, "
          + "that request would go there unverified.",
    })
final class ShadowCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8080",
      description = "Where clients connect (default: ${DEFAULT-VALUE}; port 0 picks a free one).")
  String listen;

  @Option(
      names = "--record",
      paramLabel = "DIR",
      description =
          "Write every request that does not pass, and a sample of those that do, as cases of the"
              + " suite in DIR (created with a suite.yaml copied from <suite> if missing).")
  @Nullable Path record;

  @Option(
      names = "--sample",
      paramLabel = "SHARE",
      defaultValue = "0.01",
      description =
          "With --record, the share of passing requests recorded too, 0 to 1 (default:"
              + " ${DEFAULT-VALUE}).")
  double sample;

  @Option(
      names = "--queue",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Requests that may wait for comparison; more are dropped from comparison and counted"
              + " (default: ${DEFAULT-VALUE}).")
  int queue;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Threads comparing requests, at the lowest CPU priority (nice 19) so the clients' path"
              + " goes first (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where verdict.json is written (default: reports/<suite>).")
  @Nullable Path out;

  @Option(
      names = "--drain",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "On SIGTERM, how long the clients in flight may take to be served by legacy, and then"
              + " the comparisons in flight, before the final verdict is written anyway (default:"
              + " ${DEFAULT-VALUE}).")
  int drainSeconds;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "Before taking clients, send the suite's own GET, HEAD and OPTIONS cases through the"
              + " proxy for up to SECONDS (and settle up to as long again), so the first clients"
              + " do not wait for the JIT compiler; these requests reach legacy and the candidate"
              + " but no verdict or recording. 0: none (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    if (!(sample >= 0 && sample <= 1)) {
      throw new CommandLine.ParameterException(
          cmd, "--sample [" + sample + "] must be between 0 and 1, e.g. 0.01 for 1%");
    }
    if (queue < 1 || workers < 1 || drainSeconds < 0 || warmupSeconds < 0) {
      throw new CommandLine.ParameterException(
          cmd, "--queue and --workers must be at least 1, --drain and --warmup at least 0");
    }
    InetSocketAddress address = address(cmd, listen);
    Suite loaded = new SuiteLoader().load(suite.folder);
    Path reports = out != null ? out : Layout.reportsOf(loaded.folder());
    ShadowSettings settings =
        new ShadowSettings(
            address,
            queue,
            workers,
            Optional.ofNullable(record),
            sample,
            reports,
            Duration.ofSeconds(2),
            Duration.ofSeconds(warmupSeconds));
    PrintWriter console = cmd.getOut();
    // The stop hook below drains the comparisons and then closes the runner: a started candidate
    // must keep running until then.
    Runner runner = Runners.closedByOwnersHook();
    ShadowProxy proxy;
    try {
      proxy = ShadowProxy.start(loaded, runner, settings);
    } catch (Exception | Error e) {
      runner.close();
      throw e;
    }
    String base =
        "http://" + listen.substring(0, listen.lastIndexOf(':')) + ":" + proxy.address().getPort();
    if (proxy.warmUpRequests() > 0) {
      console.printf(
          "parity shadow %s: warmed up on %d requests of the suite's cases in %.1fs, %d"
              + " comparisons, %d of them with a changed candidate (not in the verdict)%n",
          loaded.key(),
          proxy.warmUpRequests(),
          proxy.warmUpTime().toMillis() / 1000.0,
          proxy.warmUpComparisons(),
          proxy.warmUpDifferences());
    }
    console.println(
        "parity shadow " + loaded.key() + ": listening on " + base + ", legacy serves the clients");
    console.println("Live page: " + base + ShadowProxy.PAGE);
    console.println("Report: " + reports.resolve(VerdictJson.FILE) + " (rewritten every 2s)");
    console.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              try {
                Verdict last = proxy.stop(Duration.ofSeconds(drainSeconds));
                console.println(
                    "parity shadow "
                        + loaded.key()
                        + ": stopped; "
                        + String.join("; ", last.reasons())
                        + (record != null
                            ? "; " + proxy.recorded() + " cases recorded in " + record
                            : ""));
                console.println("Decision: " + last.decision().label());
                console.println("Report: " + reports.resolve(VerdictJson.FILE));
              } catch (Exception e) {
                console.println("parity shadow: could not write the final verdict: " + e);
              } finally {
                console.flush();
                runner.close();
                stopped.countDown();
              }
            },
            "parity-shadow-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return 0;
  }

  private static InetSocketAddress address(CommandLine cmd, String listen) {
    int colon = listen.lastIndexOf(':');
    try {
      if (colon <= 0) {
        throw new NumberFormatException();
      }
      String host = listen.substring(0, colon);
      int port = Integer.parseInt(listen.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(host.replaceAll("^\\[|\\]$", ""), port);
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          cmd, "--listen [" + listen + "] must be HOST:PORT, e.g. 127.0.0.1:8080");
    }
  }
}
