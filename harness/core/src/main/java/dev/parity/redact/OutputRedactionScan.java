package dev.parity.redact;

import dev.parity.run.OutputScan;
import java.util.List;

/**
 * {@link RedactionScan#wholeCould} over a whole output seen piece by piece as it is spooled: the
 * separators, non-ASCII bytes and keyword letters of the whole are those of its pieces together, so
 * cutting it anywhere (not at line ends) changes nothing. When it says the whole could not change,
 * no line of it can, and the spooled output needs no redaction pass over its file at all.
 */
final class OutputRedactionScan implements OutputScan {
  private final List<String> colonKeywords;
  private final List<String> equalsKeywords;
  private final RedactionScan.Flags flags;
  private long seen;

  OutputRedactionScan(List<String> colonKeywords, List<String> equalsKeywords) {
    this.colonKeywords = colonKeywords;
    this.equalsKeywords = equalsKeywords;
    this.flags = new RedactionScan.Flags(colonKeywords, equalsKeywords);
  }

  @Override
  public void accept(byte[] bytes, int offset, int length) {
    flags.add(bytes, offset, offset + length);
    seen += length;
  }

  /** How many bytes it saw: the scan speaks for an output of exactly this size. */
  long seen() {
    return seen;
  }

  /** Whether a built-in rule could change some line of what it saw. */
  boolean could() {
    return flags.could(colonKeywords, equalsKeywords);
  }
}
