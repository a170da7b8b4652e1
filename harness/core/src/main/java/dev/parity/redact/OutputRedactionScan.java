package dev.parity.redact;

import dev.parity.run.OutputScan;
import dev.parity.run.Spooled;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@link RedactionScan#wholeCould} over a whole output seen piece by piece as it is spooled: the
 * separators, non-ASCII bytes and keyword letters of the whole are those of its pieces together, so
 * cutting it anywhere (not at line ends) changes nothing. When it says the whole could not change,
 * no line of it can, and the spooled output needs no redaction pass over its file at all.
 *
 * <p>Given the scan of a reference (legacy's raw output, or a golden's file, see {@link
 * SharedOutputs}), it answers for bytes it is told are the reference's ({@link #skip}) with what
 * that scan gathered over the whole reference: a superset of what those bytes hold, so the answer
 * can only be more cautious (a redaction pass that finds nothing), never less (issue 13,
 * docs/benchmarks.md, eighth pass). A scan stops gathering once its answer is "could", which more
 * bytes cannot change (the test only asks whether flags are set, and adding bytes only sets more):
 * a reference's scan that stopped early makes the stream's answer "could" too (ninth pass).
 *
 * <p>The reference's scan may still be running (a golden's is made beside the candidate's run): the
 * bytes it answers for are then counted, and its flags added when {@link #seen} or {@link #could}
 * is first asked, after the run. A reference's scan that did not see the whole reference answers
 * for none of them: they count as unseen, so the stream is redacted by a pass over its file.
 */
final class OutputRedactionScan implements OutputScan {
  private final List<String> colonKeywords;
  private final List<String> equalsKeywords;
  private final RedactionScan.Flags flags;
  private final @Nullable Spooled reference;
  private final @Nullable CompletableFuture<Optional<OutputRedactionScan>> referenceScan;
  private long seen;
  private boolean could;

  /** Bytes taken as the reference's while its scan was running: not in {@link #seen} yet. */
  private long deferred;

  OutputRedactionScan(List<String> colonKeywords, List<String> equalsKeywords) {
    this(colonKeywords, equalsKeywords, null, null);
  }

  /**
   * A scan that answers for the bytes of {@code reference} with {@code referenceScan}, finished now
   * or later, when it saw every byte of it (else it answers for none), made for the same keywords.
   */
  OutputRedactionScan(
      List<String> colonKeywords,
      List<String> equalsKeywords,
      @Nullable Spooled reference,
      @Nullable CompletableFuture<Optional<OutputRedactionScan>> referenceScan) {
    this.colonKeywords = colonKeywords;
    this.equalsKeywords = equalsKeywords;
    this.flags = new RedactionScan.Flags(colonKeywords, equalsKeywords);
    this.reference = referenceScan == null ? null : reference;
    this.referenceScan = reference == null ? null : referenceScan;
  }

  @Override
  public synchronized void accept(byte[] bytes, int offset, int length) {
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
  public synchronized boolean skip(Spooled stream, long length) {
    if (reference == null || !reference.equals(stream)) {
      return false;
    }
    CompletableFuture<Optional<OutputRedactionScan>> scan = Objects.requireNonNull(referenceScan);
    if (!scan.isDone()) {
      deferred += length;
      return true;
    }
    Optional<OutputRedactionScan> whole = whole(finished(scan));
    whole.ifPresent(reference -> answerFor(length, reference));
    return whole.isPresent();
  }

  /** How many bytes it saw: the scan speaks for an output of exactly this size. */
  synchronized long seen() {
    settle();
    return seen;
  }

  /** Whether a built-in rule could change some line of what it saw. */
  synchronized boolean could() {
    settle();
    return could;
  }

  /** Adds the reference scan's flags for the bytes taken meanwhile, waiting for it if need be. */
  private void settle() {
    if (deferred == 0) {
      return;
    }
    long taken = deferred;
    deferred = 0;
    whole(finished(Objects.requireNonNull(referenceScan)))
        .ifPresent(reference -> answerFor(taken, reference));
  }

  /** Takes {@code length} bytes as seen, with what {@code reference} gathered over all of them. */
  private void answerFor(long length, OutputRedactionScan reference) {
    flags.add(reference.flags);
    could = flags.could(colonKeywords, equalsKeywords);
    seen += length;
  }

  /** The reference's scan once finished (waiting for it), empty when it failed. */
  private static Optional<OutputRedactionScan> finished(
      CompletableFuture<Optional<OutputRedactionScan>> scan) {
    return scan.exceptionally(failed -> Optional.empty()).join();
  }

  /** {@code scan} if it saw every byte of the reference. */
  private Optional<OutputRedactionScan> whole(Optional<OutputRedactionScan> scan) {
    return scan.filter(s -> s.seen() == Objects.requireNonNull(reference).size());
  }
}
