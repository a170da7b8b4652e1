package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reviewer reads first: the differing values at a glance, JSON laid out, lines aligned. */
class ReviewerViewTests {
  @Test
  void glanceShowsTheDifferingValuesAndTheJsonPathsOncePerKey() {
    CaseResult result =
        CaseResults.failed("api/x")
            .summary("status, body differ")
            .fact("status", "legacy (golden) 400, candidate 404")
            .fact("body", "1 line removed, 1 line added (diff below)")
            .fact("body", "JSON differs at 1 path: /children changed: [] -> null")
            .fact("exit code", "golden 0, new legacy run 1")
            .fact("stderr", "2 lines removed, 0 lines added (diff below)")
            .build();

    assertThat(Glance.of(result))
        .isEqualTo(
            "status 400 -> 404 \u00b7 body /children changed: [] -> null \u00b7 exit 0 -> 1"
                + " \u00b7 stderr: 2 lines removed, 0 lines added");
  }

  @Test
  void compactJsonIsLaidOutWithKeysNumbersAndStringsAsWritten() {
    String compact = "{\"b\":1e+17,\"a\":[],\"s\":\"x,y:{\\\"z\\u00eb\",\"o\":{\"k\":[1,{}]}}\n";

    List<String> laidOut = JsonPretty.pair(compact, "");

    assertThat(laidOut.get(0))
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "  \"b\": 1e+17,",
                "  \"a\": [],",
                "  \"s\": \"x,y:{\\\"z\\u00eb\",",
                "  \"o\": {",
                "    \"k\": [",
                "      1,",
                "      {}",
                "    ]",
                "  }",
                "}",
                ""));
    assertThat(JsonPretty.pair("[1,2] trailing", "x")).containsExactly("[1,2] trailing", "x");
    assertThat(JsonPretty.pair("{\n  \"a\": 1\n}\n", "{\n  \"a\": 2\n}\n"))
        .as("JSON already on several lines stays as it is")
        .containsExactly("{\n  \"a\": 1\n}\n", "{\n  \"a\": 2\n}\n");
  }

  @Test
  void unrelatedLinesOfAChangeAreNeverPairedByPosition() {
    SideBySide.Rows rows =
        SideBySide.of(
            List.of("Search: martin", "@I20@ BLANC, Georges", "@I21@ MARTIN, Jean", "the,12"),
            List.of("Search: martin", "0 matches", "the,12.0"));

    assertThat(rows.rows().toString())
        .isEqualTo(
            "[[\"e\",\"Search: martin\"],"
                + "[\"d\",[\"@I20@ BLANC, Georges\"],[\"\"]],"
                + "[\"d\",[\"@I21@ MARTIN, Jean\"],[\"\"]],"
                + "[\"i\",[\"\"],[\"0 matches\"]],"
                + "[\"c\",[\"the,12\"],[\"the,12\",\".0\",\"\"]]]");
  }

  @Test
  void largeChangesStillPairAlikeLinesAndSkipUnlikeOnes() {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>(List.of("banner"));
    for (int i = 0; i < 150; i++) {
      left.add("line " + i + " old");
      right.add("line " + i + " new");
    }

    List<int[]> pairs = LinePairing.of(left, right);

    assertThat(pairs).hasSize(150);
    assertThat(pairs.get(0)).containsExactly(0, 1);
    assertThat(pairs.get(149)).containsExactly(149, 150);
  }
}
