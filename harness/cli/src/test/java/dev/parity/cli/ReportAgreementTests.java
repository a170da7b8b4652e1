package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.diff.Fact;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Performance;
import dev.parity.verdict.PerformanceStatus;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every file a run writes tells the same story: verdict.json, junit.xml, summary.md, index.html,
 * Allure, the GitHub output and the console carry one decision and agree on whether the run passed.
 */
class ReportAgreementTests {
  @TempDir Path dir;

  private static CaseResult result(String id, Status status, String... tags) {
    List<Fact> facts = status == Status.PASS ? List.of() : List.of(new Fact("stdout", "differs"));
    return CaseResults.of(id, status).tags(List.of(tags)).summary("x").facts(facts).build();
  }

  private static Performance performance(PerformanceStatus status, double ratio) {
    return new Performance(
        OptionalDouble.of(ratio),
        OptionalDouble.of(ratio - 0.05),
        OptionalDouble.of(ratio + 0.05),
        1.10,
        1.05,
        false,
        status,
        Optional.empty(),
        Optional.empty(),
        "m",
        List.of());
  }

  private static Verdict behaviour(CaseResult... results) {
    return Verdict.of("shop", Mode.VERIFY, List.of(results), List.of(), Instant.EPOCH, 5);
  }

  private static Verdict gate(Verdict behaviour, PerformanceStatus status, double ratio) {
    return Verdict.gate(behaviour, performance(status, ratio), Map.of(), 7);
  }

  /** What each report says about the run: its decision, and whether it shows a pass. */
  record Said(String decision, boolean passes) {}

  @Test
  void aPassingGateAgreesEverywhere() throws Exception {
    Verdict pass = gate(behaviour(result("a", Status.PASS, "x")), PerformanceStatus.PASS, 1.0);

    assertAllAgree(pass, "candidate", true);
  }

  @Test
  void aCaseFailureAgreesEverywhere() throws Exception {
    Verdict fail = behaviour(result("a", Status.PASS), result("b", Status.FAIL));

    assertAllAgree(fail, "legacy", false);
  }

  @Test
  void aPerformanceOnlyFailureAgreesEverywhere() throws Exception {
    Verdict slow = gate(behaviour(result("a", Status.PASS, "x")), PerformanceStatus.FAIL, 1.5);

    assertAllAgree(slow, "legacy", false);
    Document junit = xml(dir.resolve("junit.xml"));
    Element performance = testcase(junit, "performance");
    assertThat(performance.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(testcase(junit, "group x").getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("2");
  }

  @Test
  void anInconclusiveBenchmarkAgreesEverywhere() throws Exception {
    Verdict unsure =
        gate(behaviour(result("a", Status.PASS, "x")), PerformanceStatus.INCONCLUSIVE, 1.1);

    assertAllAgree(unsure, "legacy", false);
  }

  @Test
  void aRunWithoutVerdictAgreesEverywhere() throws Exception {
    Verdict error =
        Verdict.error(
            "shop", Mode.VERIFY, "configuration error: suite.yaml:3:5: bad", Instant.EPOCH, 1);

    assertAllAgree(error, "legacy", false);
    assertThat(ExitCodes.of(error)).isEqualTo(ExitCodes.USAGE);
    Document junit = xml(dir.resolve("junit.xml"));
    Element decision = testcase(junit, "decision");
    assertThat(((Element) decision.getElementsByTagName("error").item(0)).getAttribute("message"))
        .isEqualTo("no verdict: configuration error: suite.yaml:3:5: bad");
    JsonNode json = VerdictJson.mapper().readTree(dir.resolve("verdict.json").toFile());
    assertThat(json.get("status").asText()).isEqualTo("error");
    assertThat(json.get("error").asText()).isEqualTo("configuration error: suite.yaml:3:5: bad");
  }

  @Test
  void aRunWhereNoCaseRanAgreesEverywhere() throws Exception {
    assertAllAgree(behaviour(), "legacy", false);
  }

  @Test
  void everyReportNamesTheParityVersionThatWroteTheVerdict() throws Exception {
    // A version no build has, so that each report is seen to take it from the verdict.
    Verdict verdict =
        behaviour(result("a", Status.PASS), result("b", Status.FAIL)).toBuilder()
            .parityVersion("9.8.7-test")
            .build();

    SuiteCommand.reports().writeAll(verdict, dir);

    JsonNode json = VerdictJson.mapper().readTree(dir.resolve("verdict.json").toFile());
    assertThat(json.get("parityVersion").asText()).isEqualTo("9.8.7-test");
    assertThat(property(xml(dir.resolve("junit.xml")), "parity.version")).isEqualTo("9.8.7-test");
    List<String> markdown = Files.readAllLines(dir.resolve("summary.md"));
    assertThat(markdown.get(markdown.size() - 1)).isEqualTo("<sub>Parity 9.8.7-test</sub>");
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(htmlData(html).get("parityVersion").asText()).isEqualTo("9.8.7-test");
    assertThat(html)
        .contains("<footer class=\"note\" id=\"footer\"></footer>")
        .contains("getElementById('footer').textContent = 'Parity ' + data.parityVersion");
    assertThat(Files.readAllLines(dir.resolve("allure-results/environment.properties")))
        .contains("Parity=9.8.7-test");
  }

  private static String property(Document junit, String name) {
    var properties = junit.getDocumentElement().getElementsByTagName("property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      if (property.getAttribute("name").equals(name)) {
        return property.getAttribute("value");
      }
    }
    throw new AssertionError("no property " + name);
  }

  private void assertAllAgree(Verdict verdict, String decision, boolean passes) throws Exception {
    List<Path> written = SuiteCommand.reports().writeAll(verdict, dir);
    Path github = dir.resolve("github_output");
    GateCommand.writeGithubOutput(github, verdict);
    StringWriter console = new StringWriter();
    new Summary(new PrintWriter(console)).print(verdict, written);

    List<Said> said = new ArrayList<>();
    said.add(fromVerdictJson());
    said.add(fromJunit());
    said.add(fromMarkdown());
    said.add(fromHtml());
    said.add(fromAllure(verdict.decision().label()));
    said.add(fromGithub(github));
    said.add(fromConsole(console.toString()));
    said.add(new Said(verdict.decision().label(), ExitCodes.of(verdict) == ExitCodes.PASS));

    assertThat(said).as(verdict.reasons().toString()).containsOnly(new Said(decision, passes));
  }

  private Said fromVerdictJson() throws Exception {
    JsonNode json = VerdictJson.mapper().readTree(dir.resolve("verdict.json").toFile());
    return new Said(json.get("decision").asText(), json.get("status").asText().equals("pass"));
  }

  private Said fromJunit() throws Exception {
    Element suite = xml(dir.resolve("junit.xml")).getDocumentElement();
    String decision = "";
    var properties = suite.getElementsByTagName("property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      if (property.getAttribute("name").equals("parity.decision")) {
        decision = property.getAttribute("value");
      }
    }
    int bad =
        Integer.parseInt(suite.getAttribute("failures"))
            + Integer.parseInt(suite.getAttribute("errors"));
    int elements =
        suite.getElementsByTagName("failure").getLength()
            + suite.getElementsByTagName("error").getLength();
    assertThat(elements).as("junit.xml counts match its elements").isEqualTo(bad);
    return new Said(decision, bad == 0);
  }

  private Said fromMarkdown() throws Exception {
    String headline = Files.readAllLines(dir.resolve("summary.md")).get(0);
    Matcher m = Pattern.compile("(candidate|legacy) (ships|stays)").matcher(headline);
    assertThat(m.find()).as(headline).isTrue();
    return new Said(m.group(1), headline.startsWith("## \u2705"));
  }

  private Said fromHtml() throws Exception {
    JsonNode data = htmlData(Files.readString(dir.resolve("index.html")));
    return new Said(data.get("decision").asText(), data.get("status").asText().equals("pass"));
  }

  /** The page's data block. */
  private static JsonNode htmlData(String html) throws IOException {
    int start = html.indexOf("id=\"parity-data\">") + "id=\"parity-data\">".length();
    return VerdictJson.mapper().readTree(html.substring(start, html.indexOf("</script>", start)));
  }

  private Said fromAllure(String decision) throws Exception {
    boolean allPassed;
    try (Stream<Path> files = Files.list(dir.resolve("allure-results"))) {
      allPassed =
          files
              .filter(f -> f.getFileName().toString().endsWith("-result.json"))
              .map(f -> readStatus(f))
              .allMatch("passed"::equals);
    }
    // Allure has no decision of its own; it must only never be green for a run that does not
    // pass.
    return new Said(decision, allPassed);
  }

  private static String readStatus(Path file) {
    try {
      return VerdictJson.mapper().readTree(file.toFile()).get("status").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Said fromGithub(Path github) throws Exception {
    List<String> lines = Files.readAllLines(github);
    String decision =
        lines.stream()
            .filter(l -> l.startsWith("decision="))
            .findFirst()
            .orElseThrow()
            .substring(9);
    return new Said(decision, lines.contains("status=pass"));
  }

  private static Said fromConsole(String console) {
    Matcher m = Pattern.compile("(?m)^Decision: (candidate|legacy)$").matcher(console);
    assertThat(m.find()).as(console).isTrue();
    return new Said(m.group(1), m.group(1).equals("candidate"));
  }

  private static Document xml(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static Element testcase(Document xml, String name) {
    var cases = xml.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no testcase " + name);
  }
}
