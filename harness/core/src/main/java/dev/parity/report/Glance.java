package dev.parity.report;

import dev.parity.diff.Fact;
import dev.parity.verdict.CaseResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs in a case, in one line for its row in the case list: the differing values as {@code
 * status 400 -> 404} and {@code exit 0 -> 1}, and per stream its most telling fact (the JSON paths
 * that changed, else the lines removed and added), so a reviewer sees the change without opening
 * the case.
 */
final class Glance {
  /** A row shows at most this much; the case itself has everything. */
  static final int MAX_CHARS = 240;

  /** The short names of the values a comparison states as {@code <side> <a>, <side> <b>}. */
  private static final Map<String, String> VALUES =
      Map.of("exit code", "exit", "status", "status", "killed by signal", "signal");

  /** {@code legacy 0, candidate 1}; side names may have spaces ({@code new legacy run 3}). */
  private static final Pattern SIDES = Pattern.compile("^.+? (\\S+), .+ (\\S+)$");

  private static final String JSON = "JSON differs at ";

  private Glance() {}

  /** The line shown beside the case id; a passing case keeps its summary. */
  static String of(CaseResult result) {
    if (result.status().passes() || result.facts().isEmpty()) {
      return result.summary();
    }
    Map<String, String> byKey = new LinkedHashMap<>();
    for (Fact fact : result.facts()) {
      String key = fact.key();
      String message = fact.message();
      Matcher sides = SIDES.matcher(message);
      if (VALUES.containsKey(key) && sides.matches()) {
        byKey.put(key, VALUES.get(key) + " " + sides.group(1) + " -> " + sides.group(2));
      } else if (message.startsWith(JSON) && message.contains(": ")) {
        // The paths say more than the line counts the stream's first fact gives.
        byKey.put(key, key + " " + message.substring(message.indexOf(": ") + 2));
      } else {
        byKey.putIfAbsent(key, key + ": " + message.replace(" (diff below)", ""));
      }
    }
    String line = String.join(" \u00b7 ", byKey.values());
    if (line.length() <= MAX_CHARS) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return line.substring(0, end) + "\u2026";
  }
}
