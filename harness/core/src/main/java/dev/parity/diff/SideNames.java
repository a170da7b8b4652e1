package dev.parity.diff;

/**
 * How facts and diff headers name the two observations compared: legacy and candidate, or, when
 * {@code record} compares a golden with a new legacy run, the golden and the new legacy run.
 *
 * @param left the observation shown first (removed lines in a diff)
 * @param right the observation shown second (added lines in a diff)
 */
public record SideNames(String left, String right) {
  public static final SideNames LIVE = new SideNames("legacy", "candidate");
  public static final SideNames RECORD = new SideNames("golden", "new legacy run");
}
