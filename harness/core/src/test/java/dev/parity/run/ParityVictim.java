package dev.parity.run;

import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Parity stand-in for {@link ProcessFaultTests}, run in its own JVM and killed with SIGKILL: it
 * starts a {@code start:} server and runs the case {@code hang} of the suite in {@code args[0]},
 * both of which fork escapees tagged with {@code args[1]}, then waits to be killed.
 */
final class ParityVictim {
  private ParityVictim() {}

  public static void main(String[] args) throws Exception {
    Suite suite = new SuiteLoader().load(Path.of(args[0]));
    String marker = args[1];
    LocalServer.start(
        suite,
        new HttpImplementation.Start(
            List.of("sh", "-c", "setsid -f sleep " + marker + "; exec sleep " + marker),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            Duration.ofSeconds(5)));
    new CommandRunner().run(suite, suite.legacy(), suite.find("hang").orElseThrow());
  }
}
