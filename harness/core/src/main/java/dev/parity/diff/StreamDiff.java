package dev.parity.diff;

/**
 * How one stream differs between the two sides.
 *
 * @param stream the stream name, e.g. {@code stdout} or {@code file:out/report.csv}
 * @param kind text or binary
 * @param removed lines (or bytes, for binary) only the legacy side has
 * @param added lines (or bytes) only the candidate side has
 * @param approximate the diff was computed by the bounded fallback, not a minimal diff
 * @param truncated the unified text was cut to the display limit
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

  /** What kind of content was compared. */
  public enum Kind {
    TEXT,
    BINARY
  }
}
