package dev.parity.cli;

import dev.parity.fixture.ConfigException;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Redaction;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.har.HarCase;
import dev.parity.har.HarEntry;
import dev.parity.har.HarException;
import dev.parity.har.HarImport;
import dev.parity.har.HarReader;
import dev.parity.har.HarSuiteWriter;
import dev.parity.redact.Redactor;
import dev.parity.verdict.ExitCodes;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "har",
    mixinStandardHelpOptions = true,
    description = {
      "Turn the requests of a HAR capture (a browser's or a proxy's) into HTTP cases of a suite:"
          + " one case file per distinct request under <suite>/har/, hop-by-hop and volatile"
          + " headers dropped, secrets redacted as in the reports. A folder without suite.yaml"
          + " gets one whose sides are the captured origin. See docs/http.md."
    })
final class HarCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<file.har>", description = "The HAR file to import.")
  Path har;

  @Option(
      names = "--suite",
      required = true,
      paramLabel = "<dir>",
      description = "The suite folder the cases are written into (created when missing).")
  Path suite;

  @Option(
      names = "--allow-side-effects",
      description =
          "Import POST, PUT, PATCH and DELETE requests too (a new suite then sets"
              + " allowSideEffects: true); without it they are refused.")
  boolean allowSideEffects;

  @Option(
      names = "--origin",
      paramLabel = "<url>",
      description = "Import only the requests to this origin, e.g. http://127.0.0.1:8080.")
  Optional<String> origin = Optional.empty();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      HarReader.HarFile file = HarReader.file(har);
      List<HarEntry> entries = file.entries();
      TreeSet<String> origins = new TreeSet<>();
      entries.forEach(e -> origins.add(origin(e.url())));
      List<HarEntry> chosen =
          origin.isEmpty()
              ? entries
              : entries.stream().filter(e -> origin(e.url()).equals(strip(origin.get()))).toList();
      if (origin.isEmpty() && origins.size() > 1) {
        throw new HarException(
            har
                + " holds requests to "
                + origins.size()
                + " origins ("
                + String.join(", ", origins)
                + "); a suite tests one service: give --origin with one of them");
      }
      if (chosen.isEmpty()) {
        throw new HarException(
            har
                + " holds no request"
                + origin.map(o -> " to " + o).orElse("")
                + (origins.isEmpty() ? "" : "; its origins: " + String.join(", ", origins)));
      }
      Path suiteFile = suite.resolve(SuiteLoader.SUITE_FILE);
      boolean existing = Files.exists(suiteFile);
      Redaction redaction =
          existing ? new SuiteLoader().load(suite).redaction() : Redaction.defaults();
      HarImport.Result result =
          new HarImport(Redactor.of(redaction), allowSideEffects).cases(chosen);
      if (existing) {
        checkSideEffects(new SuiteLoader().load(suite), result.cases());
      }
      List<String> written =
          HarSuiteWriter.write(suite, result.cases(), chosen.get(0).url(), allowSideEffects);
      out.println(
          "Imported "
              + result.cases().size()
              + " cases from "
              + chosen.size()
              + " requests of "
              + har
              + " into "
              + suite
              + " ("
              + result.duplicates()
              + " identical requests kept once, "
              + written.size()
              + " files written)");
      if (!file.skipped().isEmpty()) {
        out.println(
            "Skipped "
                + file.skipped().size()
                + " entries that are not HTTP requests ("
                + String.join(", ", file.skipped().subList(0, Math.min(3, file.skipped().size())))
                + (file.skipped().size() > 3 ? ", ..." : "")
                + ")");
      }
      out.println("Next: parity record " + suite);
      return ExitCodes.PASS;
    } catch (HarException e) {
      spec.commandLine().getErr().println("parity: import har: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("parity: configuration error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  private static void checkSideEffects(Suite loaded, List<HarCase> cases) {
    boolean writes =
        cases.stream().anyMatch(c -> HttpRequest.WRITE_METHODS.contains(c.request().get("method")));
    if (writes && !loaded.http().allowSideEffects()) {
      throw new HarException(
          loaded.folder().resolve(SuiteLoader.SUITE_FILE)
              + " does not set allowSideEffects: true, and the HAR holds requests that can"
              + " change data; add allowSideEffects: true to it, then import again (nothing was"
              + " written)");
    }
  }

  private static String origin(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
