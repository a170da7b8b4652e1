package dev.parity.golden;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A golden that cannot be read back (damaged by hand, half-deleted) or a golden folder that cannot
 * be written safely (locked, a symbolic link, not writable); the message says what and how to fix.
 */
public final class GoldenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean stopsTheRun;

  private final boolean reading;

  public GoldenException(Path where, String problem) {
    this(where, problem, "re-record it with `parity record --update`");
  }

  public GoldenException(Path where, String problem, String fix) {
    this(where.toString(), problem, fix);
  }

  /** A problem at {@code where}, a file or a {@code file:line:column}. */
  GoldenException(String where, String problem, String fix) {
    this(where, problem, fix, false, false);
  }

  private GoldenException(
      Object where, String problem, String fix, boolean stopsTheRun, boolean reading) {
    super(where + ": " + problem + "; " + fix);
    this.stopsTheRun = stopsTheRun;
    this.reading = reading;
  }

  /**
   * A symbolic link below the folder a golden (or a pending result) is read from: it could make the
   * candidate be compared with any file, even with its own output, so the whole run stops (exit 2).
   */
  static GoldenException linked(Path link, String target) {
    return new GoldenException(
        link,
        "is a symbolic link (to "
            + target
            + "); parity never reads a golden, an accepted difference or a pending result"
            + " through a link, which could compare the candidate with another output, even"
            + " its own",
        "replace it with a real folder or file (e.g. `rm` the link and run again)",
        true,
        true);
  }

  /**
   * The disk holding the goldens is full: no golden after this one could be written either, so the
   * whole run stops (exit 2) instead of erroring case after case.
   */
  static GoldenException outOfSpace(Path where, String caseId, long bytes, String why) {
    return new GoldenException(
        where,
        "no space for the golden of case ["
            + caseId
            + "]: its outputs are "
            + bytes
            + " bytes; "
            + why
            + "; nothing of this case's golden was replaced",
        "free disk space there (or record to a larger disk with --golden) and record again",
        true,
        false);
  }

  /** The golden in a case's folder names another case in its {@code meta.yaml}. */
  static GoldenException otherCase(Path meta, String caseId, @Nullable String named) {
    return new GoldenException(
        meta,
        "the golden is not case ["
            + caseId
            + "]'s: its "
            + meta.getFileName()
            + " says `id: "
            + named
            + "` (copied, moved or linked from another case's folder?)",
        "if you renamed the case and moved its golden, set `id: "
            + caseId
            + "` in "
            + meta.getFileName()
            + "; otherwise re-record it with `parity record --update`");
  }

  /** Whether no case after this one can go on (the disk is full, a golden is a link). */
  public boolean stopsTheRun() {
    return stopsTheRun;
  }

  /** Whether the goldens could not be read (rather than written). */
  public boolean whileReading() {
    return reading;
  }
}
