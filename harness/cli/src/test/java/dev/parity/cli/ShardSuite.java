package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.testing.TempSuite;
import dev.parity.testing.Trees;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The suite the shard tests split, and what they read of its verdicts. Recording it takes most of a
 * shard test's time, so a test class records it once ({@link #record}) and each test works on a
 * copy ({@link #copy}).
 */
final class ShardSuite {
  static final int CASES = 13;
  private static final String NAME = "tool";

  private ShardSuite() {}

  /** 13 cases; the candidate differs on every fourth one (one cluster) and its exit code on 7. */
  static TempSuite write(Path root) {
    StringBuilder yaml =
        new StringBuilder(
            TempSuite.scriptSides("tool")
                + """
            cases:
            """);
    for (int i = 1; i <= CASES; i++) {
      yaml.append(String.format("  - id: n/%02d%n    args: [\"%d\"]%n", i, i));
      if (i % 3 == 0) {
        yaml.append("    tags: [three]\n");
      }
    }
    return TempSuite.in(root, NAME)
        .suiteYaml(yaml.toString())
        .script("legacy.sh", "echo \"value $1\"\n")
        .script(
            "candidate.sh",
            """
            if [ "$1" = 7 ]; then echo "value $1"; exit 3; fi
            if [ $(($1 % 4)) = 0 ]; then echo "value: $1"; else echo "value $1"; fi
            """);
  }

  /** Writes the suite into the project folder {@code template} and records its goldens there. */
  static TempSuite record(Path template) {
    TempSuite suite = write(template);
    Cli record = Cli.run("record", suite.folder().toString());
    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();
    return suite;
  }

  /** The suite and goldens {@link #record} wrote in {@code template}, copied into {@code root}. */
  static TempSuite copy(Path template, Path root) throws IOException {
    Trees.copy(template.resolve("fixtures"), root.resolve("fixtures"));
    Trees.copy(template.resolve("golden"), root.resolve("golden"));
    return TempSuite.in(root, NAME);
  }

  static JsonNode verdict(Path out) throws IOException {
    return VerdictJson.mapper().readTree(out.resolve("verdict.json").toFile());
  }

  /**
   * The verdict without what differs between two runs of the same cases: times, and the notes that
   * name the folders the goldens and pending results went to.
   */
  static JsonNode comparable(Path out) throws IOException {
    ObjectNode verdict = (ObjectNode) verdict(out);
    verdict.remove(List.of("startedAt", "durationMs"));
    for (JsonNode fixture : verdict.get("fixtures")) {
      ((ObjectNode) fixture).remove(List.of("durationsMs", "notes"));
    }
    return verdict;
  }
}
