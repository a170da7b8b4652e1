package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.testing.Observations;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Numbers compare by their token unless numericEquality is on; the docs' table is the spec. */
class JsonNumberTests {
  private static final Path DOCS = Path.of("../../docs/normalization.md");
  private static final Pattern ROW =
      Pattern.compile("^\\| `([^`]*)` \\| `([^`]*)` \\| (equal|differ) \\| (equal|differ) \\|$");

  private static boolean equal(String a, String b, boolean numeric, String tolerance) {
    Rule rule =
        Rule.of(
            new RuleAction.Json(
                true,
                List.of(),
                List.of(),
                Optional.ofNullable(tolerance).map(BigDecimal::new),
                numeric),
            List.of("stdout"));
    Pipeline.Result result =
        new Pipeline(List.of(rule))
            .apply(
                Observations.command(0, "{\"n\": " + a + "}", ""),
                Observations.command(0, "{\"n\": " + b + "}", ""));
    return result.legacy().sameContentAs(result.candidate());
  }

  private record Row(String legacy, String candidate, boolean byDefault, boolean numeric) {}

  private static List<Row> documentedRows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(DOCS, StandardCharsets.UTF_8)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        rows.add(
            new Row(
                row.group(1),
                row.group(2),
                row.group(3).equals("equal"),
                row.group(4).equals("equal")));
      }
    }
    return rows;
  }

  @Test
  void everyRowOfTheDocumentedTableHolds() throws IOException {
    List<Row> rows = documentedRows();

    assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
    for (Row row : rows) {
      assertThat(equal(row.legacy(), row.candidate(), false, null))
          .as("%s vs %s by default", row.legacy(), row.candidate())
          .isEqualTo(row.byDefault());
      assertThat(equal(row.legacy(), row.candidate(), true, null))
          .as("%s vs %s with numericEquality", row.legacy(), row.candidate())
          .isEqualTo(row.numeric());
    }
  }

  @Test
  void theCasesOfTheIssueDifferByDefault() {
    assertThat(equal("1e2", "100", false, null)).isFalse();
    assertThat(equal("1e+17", "100000000000000000", false, null)).isFalse();
    assertThat(equal("-0", "0", false, null)).isFalse();
    assertThat(equal("1.0e2", "100.0", true, null)).isTrue();
  }

  @Test
  @Timeout(10)
  void hugeExponentsAreKeptAsWrittenAndNeverExpanded() {
    String text = "{\"a\": 1e999999999}";
    for (boolean numeric : List.of(false, true)) {
      Rule rule =
          Rule.of(
              new RuleAction.Json(true, List.of(), List.of(), Optional.of(BigDecimal.ONE), numeric),
              List.of());
      Pipeline.Result result =
          new Pipeline(List.of(rule))
              .apply(Observations.command(0, text, ""), Observations.command(0, "{\"a\": 1}", ""));
      assertThat(result.legacy().streams().get("stdout"))
          .asString(StandardCharsets.UTF_8)
          .containsIgnoringCase("1e")
          .hasSizeLessThan(100);
      assertThat(result.legacy().sameContentAs(result.candidate())).isFalse();
    }
    assertThat(equal("1e999999999", "1e999999999", false, null)).isTrue();
    assertThat(equal("1e999999999", "1E+999999999", true, null)).isTrue();
    assertThat(equal("1e99999999999", "1e99999999999", true, null)).isTrue();
    assertThat(equal("1e999999999", "2e999999999", true, "1")).isFalse();
  }

  @Test
  void toleranceComparesByValue() {
    assertThat(equal("1.0", "1", false, "0.001")).isTrue();
    assertThat(equal("1.0005", "1", false, "0.001")).isTrue();
    assertThat(equal("1.01", "1", false, "0.001")).isFalse();
  }
}
