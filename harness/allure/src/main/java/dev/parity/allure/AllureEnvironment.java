package dev.parity.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parity.verdict.Cluster;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files beside the results that Allure reads for its overview: {@code environment.properties}
 * (versions, machine, suite, the decision and why), {@code executor.json} (the run and its
 * decision) and {@code categories.json} (one category per mismatch cluster).
 */
final class AllureEnvironment {
  /** A category name is at most this long; the cluster's cases carry the whole signature. */
  static final int NAME_CHARS = 160;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private AllureEnvironment() {}

  static void write(Verdict verdict, Path results) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("Suite", verdict.suite());
    env.put("Mode", verdict.mode().label());
    env.put("Decision", verdict.decision().label());
    env.put("Status", verdict.status().label());
    env.put("Reasons", String.join("; ", verdict.reasons()));
    env.put(
        "Scope", verdict.scope() + verdict.filter().map(f -> " (--filter " + f + ")").orElse(""));
    env.put("Started", verdict.startedAt().toString());
    env.put("Parity", verdict.parityVersion());
    env.put(
        "Java",
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    env.put(
        "OS",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    env.put("Machine", hostname() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    StringBuilder properties = new StringBuilder();
    env.forEach((k, v) -> properties.append(k).append('=').append(escape(v)).append('\n'));
    Files.writeString(results.resolve("environment.properties"), properties);

    Map<String, Object> executor = new LinkedHashMap<>();
    executor.put("name", "Parity");
    executor.put("type", "parity");
    executor.put(
        "reportName",
        "Parity "
            + verdict.mode().label()
            + " "
            + verdict.suite()
            + ": decision "
            + verdict.decision().label()
            + " ("
            + verdict.status().label()
            + ")");
    executor.put("buildName", "decision " + verdict.decision().label());
    JSON.writeValue(results.resolve("executor.json").toFile(), executor);

    List<Map<String, Object>> categories = new ArrayList<>();
    for (Cluster cluster : verdict.clusters()) {
      Map<String, Object> category = new LinkedHashMap<>();
      category.put("name", name(cluster));
      category.put(
          "matchedStatuses", List.of(cluster.status() == Status.ERROR ? "broken" : "failed"));
      // A case's trace starts with the line naming its clusters (see AllureReporter).
      category.put(
          "traceRegex", "(?s)clusters:[^\\n]*" + Pattern.quote(" [" + cluster.id() + "]") + ".*");
      categories.add(category);
    }
    JSON.writeValue(results.resolve("categories.json").toFile(), categories);
  }

  /** The first line of the trace of a case, {@code clusters: [c1] [c3]}, its categories. */
  static String traceLine(List<String> clusterIds) {
    StringBuilder line = new StringBuilder("clusters:");
    clusterIds.forEach(id -> line.append(" [").append(id).append(']'));
    return line.toString();
  }

  /** {@code c1: /children: [] -> null (3 cases)}, cut to {@link #NAME_CHARS}. */
  static String name(Cluster cluster) {
    String headline = cluster.headline();
    String suffix = " (" + cluster.count() + (cluster.count() == 1 ? " case)" : " cases)");
    int room = NAME_CHARS - cluster.id().length() - 2 - suffix.length();
    if (headline.length() > room) {
      headline = headline.substring(0, Math.max(0, room - 1)) + "\u2026";
    }
    return cluster.id() + ": " + headline + suffix;
  }

  /** A value of a properties file: backslashes, line breaks and leading spaces escaped. */
  static String escape(String value) {
    String escaped =
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    return escaped.startsWith(" ") ? "\\" + escaped : escaped;
  }

  /** The machine's name without a DNS lookup (the network may be loopback only). */
  private static String hostname() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return Optional.of(Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip())
          .filter(h -> !h.isEmpty())
          .orElse("unknown host");
    } catch (IOException | RuntimeException e) {
      return "unknown host";
    }
  }
}
