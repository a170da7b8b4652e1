package dev.parity.redact;

import dev.parity.run.OutputScan;
import dev.parity.run.Spooled;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link RedactionScan#wholeCould} over a whole output seen piece by piece as it is spooled: the
 * separators, non-ASCII bytes and keyword letters of the whole are those of its pieces together, so
 * cutting it anywhere (not at line ends) changes nothing. When it says the whole could not change,
 * no line of it can, and the spooled output needs no redaction pass over its file at all.
 *
 * <p>Given the finished scan of a reference (legacy's raw output, see {@link SharedOutputs}), it
 * answers for bytes it is told are the reference's ({@link #skip}) with what that scan gathered
 * over the whole reference: a superset of what those bytes hold, so the answer can only be more
 * cautious (a redaction pass that finds nothing), never less (issue 13, docs/benchmarks.md, eighth
 * pass). A scan stops gathering once its answer is "could", which more bytes cannot change (the
 * test only asks whether flags are set, and adding bytes only sets more): a reference's scan that
 * stopped early makes the stream's answer "could" too (ninth pass).
 */
final class OutputRedactionScan implements OutputScan {
  private final List<String> colonKeywords;
  private final List<String> equalsKeywords;
  private final RedactionScan.Flags flags;
  private final @Nullable Spooled reference;
  private final @Nullable OutputRedactionScan referenceScan;
  private long seen;
  private boolean could;

  OutputRedactionScan(List<String> colonKeywords, List<String> equalsKeywords) {
    this(colonKeywords, equalsKeywords, null, null);
  }

  /**
   * A scan that answers for the bytes of {@code reference} with {@code referenceScan}, which saw
   * every byte of it (else it answers for none) and was made for the same keywords.
   */
  OutputRedactionScan(
      List<String> colonKeywords,
      List<String> equalsKeywords,
      @Nullable Spooled reference,
      @Nullable OutputRedactionScan referenceScan) {
    this.colonKeywords = colonKeywords;
    this.equalsKeywords = equalsKeywords;
    this.flags = new RedactionScan.Flags(colonKeywords, equalsKeywords);
    boolean whole =
        reference != null && referenceScan != null && referenceScan.seen() == reference.size();
    this.reference = whole ? reference : null;
    this.referenceScan = whole ? referenceScan : null;
  }

  @Override
  public void accept(byte[] bytes, int offset, int length) {
    // The answer only ever turns from "could not" to "could" as flags are added: once it has, no
    // byte can change it, and the rest of a text output full of keyword lines is not read (issue
    // 13, ninth pass).
    if (!could) {
      flags.add(bytes, offset, offset + length);
      could = flags.could(colonKeywords, equalsKeywords);
    }
    seen += length;
  }

  @Override
  public boolean skip(Spooled stream, long length) {
    if (reference == null || !reference.equals(stream)) {
      return false;
    }
    flags.add(Objects.requireNonNull(referenceScan).flags);
    could = flags.could(colonKeywords, equalsKeywords);
    seen += length;
    return true;
  }

  /** How many bytes it saw: the scan speaks for an output of exactly this size. */
  long seen() {
    return seen;
  }

  /** Whether a built-in rule could change some line of what it saw. */
  boolean could() {
    return could;
  }
}
