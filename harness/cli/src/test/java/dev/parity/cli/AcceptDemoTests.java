package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.testing.Trees;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's deliberate porting bug (the name search became case-sensitive) accepted as an intended
 * difference with a ticket: verify then passes and every report shows the cases as accepted.
 */
class AcceptDemoTests {
  private static final Path HOME = Path.of("").toAbsolutePath().getParent().getParent();

  @TempDir Path tmp;

  @Test
  void theDemoBugAcceptedWithATicketShowsAsAcceptedInEveryReport() throws Exception {
    Path golden = tmp.resolve("golden");
    Trees.copy(HOME.resolve("golden/genealogy-cli"), golden);
    Path out = tmp.resolve("reports");
    String suite = HOME.resolve("fixtures/genealogy-cli").toString();
    String[] folders = {"--golden", golden.toString(), "--out", out.toString()};

    Cli failing = Cli.run(concat(new String[] {"verify", suite}, folders));
    assertThat(failing.exitCode()).as(failing.out()).isEqualTo(1);
    List<String> failed = new ArrayList<>();
    for (JsonNode fixture : verdict(out).get("fixtures")) {
      if (fixture.get("status").asText().equals("fail")) {
        failed.add(fixture.get("id").asText());
      }
    }
    assertThat(failed).contains("search/lowercase");

    Cli accept =
        Cli.run(
            concat(
                new String[] {
                  "accept",
                  suite,
                  "--candidate",
                  "--reason",
                  "the port searches names case-sensitively; accepted until the fix ships",
                  "--ticket",
                  "DEMO-1"
                },
                folders));
    assertThat(accept.exitCode()).as(accept.err()).isZero();

    Cli passing = Cli.run(concat(new String[] {"verify", suite}, folders));

    assertThat(passing.exitCode()).as(passing.out()).isZero();
    assertThat(passing.out())
        .contains("ACCEPTED search/lowercase", "DEMO-1", "Decision: candidate");
    JsonNode verdict = verdict(out);
    assertThat(verdict.get("decision").asText()).isEqualTo("candidate");
    assertThat(verdict.get("counts").get("accepted").asInt()).isEqualTo(failed.size());
    for (JsonNode fixture : verdict.get("fixtures")) {
      if (failed.contains(fixture.get("id").asText())) {
        assertThat(fixture.get("status").asText()).isEqualTo("accepted");
        assertThat(fixture.get("accepted").get("ticket").asText()).isEqualTo("DEMO-1");
      }
    }
    String junit = Files.readString(out.resolve("junit.xml"));
    assertThat(junit).contains("DEMO-1").doesNotContain("<failure");
    assertThat(Files.readString(out.resolve("summary.md"))).contains("accepted", "DEMO-1");
    assertThat(Files.readString(out.resolve("index.html"))).contains("accepted", "DEMO-1");
    assertThat(golden.resolve("search/lowercase/accepted/accepted.yaml")).exists();
  }

  private static JsonNode verdict(Path out) throws IOException {
    return VerdictJson.mapper().readTree(out.resolve("verdict.json").toFile());
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
