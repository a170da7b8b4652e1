package dev.parity.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runs of changed lines of a unified diff, each with where it sits in the whole text: a run
 * with no context line before it in a hunk that starts at the first line is at the start; a run
 * with no context line after it in the last hunk is at the end (a unified diff shows context lines
 * wherever the text has any).
 */
final class Hunks {
  private static final Pattern HEADER =
      Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

  /** How a cut diff ends ({@code ... cut at 64 KiB; ...}): its last run may not be the end. */
  private static final String CUT = "... cut at ";

  /** Runs parsed at most, so that a huge diff costs a bounded time. */
  static final int MAX_RUNS = 200;

  /**
   * One run of removed and added lines between context lines.
   *
   * @param removed the legacy lines, in order
   * @param added the candidate lines, in order
   * @param atStart nothing precedes the run in either text
   * @param atEnd nothing follows the run in either text
   * @param legacyNoNewline the run's last removed line is the legacy text's last and has no newline
   * @param candidateNoNewline the same for the added lines
   */
  record Run(
      List<String> removed,
      List<String> added,
      boolean atStart,
      boolean atEnd,
      boolean legacyNoNewline,
      boolean candidateNoNewline) {}

  private Hunks() {}

  static List<Run> of(String unified) {
    List<Run> runs = new ArrayList<>();
    String[] lines = unified.split("\n", -1);
    boolean hunkAtStart = false;
    boolean contextBefore = false;
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    boolean legacyNoNewline = false;
    boolean candidateNoNewline = false;
    char last = ' ';
    boolean cut = false;
    for (int k = 0; k < lines.length && runs.size() < MAX_RUNS; k++) {
      String line = lines[k];
      Matcher header = HEADER.matcher(line);
      boolean hunk = header.find();
      boolean isContext = line.startsWith(" ");
      if (hunk || isContext) {
        if (!removed.isEmpty() || !added.isEmpty()) {
          runs.add(
              new Run(
                  removed,
                  added,
                  hunkAtStart && !contextBefore,
                  false,
                  legacyNoNewline,
                  candidateNoNewline));
          removed = new ArrayList<>();
          added = new ArrayList<>();
          legacyNoNewline = false;
          candidateNoNewline = false;
        }
        if (hunk) {
          hunkAtStart = Integer.parseInt(header.group(1)) <= 1;
          contextBefore = false;
        } else {
          contextBefore = true;
        }
        last = ' ';
      } else if (k < 2 && (line.startsWith("---") || line.startsWith("+++"))) {
        continue;
      } else if (line.startsWith("-") || line.startsWith("+")) {
        last = line.charAt(0);
        (last == '-' ? removed : added).add(line.substring(1));
      } else if (line.startsWith(CUT)) {
        cut = true;
      } else if (line.startsWith("\\")) {
        if (last == '-') {
          legacyNoNewline = true;
        } else if (last == '+') {
          candidateNoNewline = true;
        }
      }
    }
    if ((!removed.isEmpty() || !added.isEmpty()) && runs.size() < MAX_RUNS) {
      runs.add(
          new Run(
              removed,
              added,
              hunkAtStart && !contextBefore,
              !cut,
              legacyNoNewline,
              candidateNoNewline));
    }
    return runs;
  }
}
