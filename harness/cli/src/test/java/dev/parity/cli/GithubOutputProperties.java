package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Group;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Performance;
import dev.parity.verdict.PerformanceStatus;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * What {@code gate --github-output} appends, read back as the Actions runner reads {@code
 * $GITHUB_OUTPUT} ({@link #parse}): whatever the case tags (group names), the outputs say the
 * verdict's decision, status and groups, and nothing else.
 */
class GithubOutputProperties {
  @Provide
  Arbitrary<String> tags() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("\r\n=<>ab-_ \"{}").ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20));
  }

  @Property(tries = 1_000)
  void theOutputsSayTheVerdictsDecisionWhateverTheTags(
      @ForAll @Size(max = 4) List<@From("tags") String> tags) throws IOException {
    Verdict verdict = slowerCandidate(tags);

    Map<String, String> outputs = written(verdict);

    assertThat(outputs)
        .containsEntry("decision", "legacy")
        .containsEntry("status", "fail")
        .containsEntry("scope", "all");
    Map<String, String> groups = new LinkedHashMap<>();
    verdict.groups().forEach((tag, group) -> groups.put(tag, group.decision().label()));
    assertThat(
            VerdictJson.mapper()
                .readValue(outputs.get("groups"), new TypeReference<Map<String, String>>() {}))
        .isEqualTo(groups);
    outputs.forEach(
        (name, value) -> {
          if (name.startsWith("group-")) {
            Group group = verdict.groups().get(name.substring("group-".length()));
            assertThat(group).as(name).isNotNull();
            assertThat(value).as(name).isEqualTo(group.decision().label());
          } else {
            assertThat(name).isIn("decision", "status", "scope", "performance", "ratio", "groups");
          }
        });
  }

  @Example
  void aTagWithALineBreakCannotSetTheDecision() throws IOException {
    Verdict verdict =
        slowerCandidate(List.of("x=legacy\ndecision=candidate\nstatus=pass\ny", "plain"));
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);

    Map<String, String> outputs = written(verdict);

    assertThat(outputs)
        .containsEntry("decision", "legacy")
        .containsEntry("status", "fail")
        .containsEntry("group-plain", "legacy");
  }

  /** A gate verdict whose one case (with {@code tags}) passes and whose candidate is too slow. */
  private static Verdict slowerCandidate(List<String> tags) {
    CaseResult passing = CaseResults.of("a", Status.PASS).tags(tags).summary("x").build();
    Performance slower =
        new Performance(
            OptionalDouble.of(1.5),
            OptionalDouble.of(1.4),
            OptionalDouble.of(1.6),
            1.10,
            1.05,
            true,
            PerformanceStatus.FAIL,
            Optional.empty(),
            Optional.empty(),
            "m",
            List.of());
    return Verdict.gate(
        Verdict.of("s", Mode.VERIFY, List.of(passing), List.of(), Instant.EPOCH, 5),
        slower,
        Map.of(),
        5);
  }

  private static Map<String, String> written(Verdict verdict) throws IOException {
    Path file = Files.createTempFile("github-output", ".txt");
    try {
      GateCommand.writeGithubOutput(file, verdict);
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } finally {
      Files.delete(file);
    }
  }

  /**
   * {@code $GITHUB_OUTPUT} as the Actions runner reads it: lines end at LF, CR or CRLF; a line is
   * {@code name=value}, or {@code name<<DELIMITER} followed by the value's lines up to a line that
   * is the delimiter, whichever of {@code =} and {@code <<} comes first; a later value of a name
   * replaces an earlier one. Anything else fails the step.
   */
  static Map<String, String> parse(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    Map<String, String> outputs = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      int equals = line.indexOf('=');
      int heredoc = line.indexOf("<<");
      if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
        outputs.put(name(line.substring(0, equals)), line.substring(equals + 1));
      } else if (heredoc >= 0) {
        String delimiter = line.substring(heredoc + 2);
        StringBuilder value = new StringBuilder();
        int end = i + 1;
        while (end < lines.length && !lines[end].equals(delimiter)) {
          value.append(value.isEmpty() ? "" : "\n").append(lines[end]);
          end++;
        }
        assertThat(end)
            .as("delimiter [%s] of line %d found", delimiter, i + 1)
            .isLessThan(lines.length);
        outputs.put(name(line.substring(0, heredoc)), value.toString());
        i = end;
      } else {
        throw new AssertionError("invalid $GITHUB_OUTPUT line " + (i + 1) + ": " + line);
      }
    }
    return outputs;
  }

  private static String name(String name) {
    assertThat(name).as("an output name").isNotEmpty();
    return name;
  }
}
