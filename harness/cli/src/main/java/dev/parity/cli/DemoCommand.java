package dev.parity.cli;

import dev.parity.engine.RunOptions;
import dev.parity.fixture.ConfigException;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Verify the embedded demo suites (fixtures/"
          + DemoCommand.CLI_DEMO
          + ", fixtures/"
          + DemoCommand.HTTP_DEMO
          + ") against their committed goldens and print where the reports are. The HTTP demo"
          + " starts both web servers itself (python3 and java).",
      "Each demo's candidate has a deliberate porting bug that Parity catches; the command exits 0"
          + " when the demo ran to completion, whatever the demo's own verdict."
    })
final class DemoCommand implements Callable<Integer> {
  static final String CLI_DEMO = "genealogy-cli";
  static final String HTTP_DEMO = "webapp-http";
  static final List<String> DEMOS = List.of(CLI_DEMO, HTTP_DEMO);
  private static final Map<String, String> TITLES =
      Map.of(
          CLI_DEMO, "verify the Python port against the goldens of the sh/awk original",
          HTTP_DEMO,
              "verify the Java web app (a Go-style port) against the goldens of the Python original, over HTTP");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Parent folder of the demo reports (default: reports/ of the checkout).")
  @Nullable Path out;

  @Mixin JobsOption jobs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RunOptions options = new RunOptions(Optional.empty(), jobs.jobs(spec.commandLine()), false);
    Path home = Layout.home();
    int exit = ExitCodes.PASS;
    for (String demo : DEMOS) {
      Path suite = home.resolve("fixtures").resolve(demo);
      if (!Files.isDirectory(suite)) {
        throw new ConfigException(
            suite,
            "demo suite not found; run `parity demo` from the Parity checkout, or through its ./parity launcher");
      }
      CommonOptions common = new CommonOptions();
      common.out = this.out == null ? null : this.out.resolve(demo);
      out.println("== Demo " + demo + ": " + TITLES.get(demo) + " ==");
      Verdict verdict;
      try (StoppedRun stop =
          StoppedRun.watch(
              SuiteCommand.outFolder(suite, common), suite, Mode.VERIFY, Instant.now())) {
        verdict =
            SuiteCommand.runSuite(
                suite,
                common,
                new GoldenOption(),
                options,
                false,
                out,
                (engine, s, goldens, o) -> engine.verify(s, goldens, o),
                SuiteCommand.Then.NOTHING,
                stop);
      }
      int code = ExitCodes.of(verdict);
      if (code == ExitCodes.UNAVAILABLE || verdict.counts().errors() > 0) {
        out.println("The demo could not run to completion (see the errors above).");
        exit = Math.max(exit, code == ExitCodes.UNAVAILABLE ? code : ExitCodes.MISMATCH);
      }
      out.println();
    }
    if (exit == ExitCodes.PASS) {
      out.println(
          "Demo complete. Parity found the deliberate porting bug: see the FAIL cases above and the reports.");
    }
    return exit;
  }
}
