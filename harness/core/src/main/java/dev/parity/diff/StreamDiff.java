package dev.parity.diff;

/**
 * How one stream differs between the two sides.
 *
 * @param stream the stream name, e.g. {@code stdout} or {@code file:out/report.csv}
 * @param kind text or binary
 * @param removed lines (or bytes, for binary) only the legacy side has
 * @param added lines (or bytes) only the candidate side has
 * @param approximate the diff was computed by the bounded fallback, not a minimal diff
 * @param truncated the unified text was cut to the display limit ({@code maxUnifiedLines} lines or
 *     {@link #MAX_UNIFIED_BYTES} bytes); lines longer than {@link #MAX_LINE_CHARS} are always shown
 *     cut, with {@code [N chars cut]} where they were
 * @param unified the unified diff ({@code ---}/{@code +++} headers, hunks); a hex view for binary
 */
public record StreamDiff(
    String stream,
    Kind kind,
    int removed,
    int added,
    boolean approximate,
    boolean truncated,
    String unified) {

  /**
   * A stream's unified diff text is cut at this many bytes of UTF-8, ending with {@link #cutNote}.
   */
  public static final int MAX_UNIFIED_BYTES = 64 * 1024;

  /** Longer lines are shown cut around their first difference (the comparison uses them whole). */
  public static final int MAX_LINE_CHARS = 2048;

  /**
   * The line that ends a cut diff, the same in every report: {@code ... cut at 64 KiB; full output
   * in observations/}.
   */
  public static String cutNote() {
    return cutNote(MAX_UNIFIED_BYTES);
  }

  /** The note for a text cut at {@code bytes}, for reports that cut at their own limit. */
  public static String cutNote(long bytes) {
    return "... cut at " + Math.max(1, bytes / 1024) + " KiB; full output in observations/";
  }

  /** What kind of content was compared. */
  public enum Kind {
    TEXT,
    BINARY
  }
}
