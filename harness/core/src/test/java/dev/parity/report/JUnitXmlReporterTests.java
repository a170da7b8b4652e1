package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.StreamDiff;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReporterTests {
  @TempDir Path out;

  @Test
  void writesOneTestcasePerCaseWithFailuresAndErrorsParsableByAStandardParser() throws Exception {
    String nasty = "<script>alert(1)</script> & \u0000\u0007 \"quotes\" ]]>";
    Verdict verdict =
        Verdict.of(
            "demo",
            Mode.VERIFY,
            List.of(
                CaseResults.of("ok", Status.PASS)
                    .summary("identical")
                    .durations(Map.of("candidate", 1500L))
                    .build(),
                CaseResults.of("search/lower", Status.FAIL)
                    .tags(List.of("search"))
                    .summary("stdout differ")
                    .facts(List.of(new Fact("stdout", "1 line removed")))
                    .diffs(
                        List.of(
                            new StreamDiff(
                                "stdout",
                                StreamDiff.Kind.TEXT,
                                1,
                                1,
                                false,
                                false,
                                "-" + nasty + "\n+x\n")))
                    .build(),
                CaseResults.of("slow", Status.ERROR)
                    .summary("candidate timed out")
                    .facts(List.of(new Fact("error", "timed out")))
                    .build()),
            List.of(),
            Instant.parse("2026-01-01T00:00:00Z"),
            2500);

    Path file = Reports.standard().writeAll(verdict, out).get(1);

    assertThat(file).hasFileName("junit.xml");
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    Element suite = xml.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("parity.demo");
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("time")).isEqualTo("2.500");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(3);
    assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("ok");
    assertThat(((Element) cases.item(0)).getAttribute("time")).isEqualTo("1.500");
    Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("stdout differ");
    assertThat(failure.getTextContent())
        .isEqualTo(
            "stdout: 1 line removed\n\n-<script>alert(1)</script> & \\u0000\\u0007 \"quotes\" ]]>\n+x\n");
    Element error = (Element) ((Element) cases.item(2)).getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo("candidate timed out");
  }
}
