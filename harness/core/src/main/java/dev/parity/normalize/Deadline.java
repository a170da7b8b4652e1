package dev.parity.normalize;

import java.time.Duration;

/**
 * When normalizing one case must stop. Regexes run over {@link #chars}, a view of the text that
 * checks the clock every few thousand characters read, so that even a backtracking pattern stops at
 * the case timeout.
 */
final class Deadline {
  static final Deadline NONE = new Deadline(Duration.ZERO, Long.MAX_VALUE);

  private static final int CHECK_EVERY = 4096;

  private final Duration budget;
  private final long endNanos;

  private Deadline(Duration budget, long endNanos) {
    this.budget = budget;
    this.endNanos = endNanos;
  }

  /** A deadline {@code budget} from now. */
  static Deadline in(Duration budget) {
    long now = System.nanoTime();
    long end = now + Math.min(budget.toNanos(), Long.MAX_VALUE / 2);
    return new Deadline(budget, end);
  }

  /** Throws when the deadline has passed. */
  void check() {
    if (endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos > 0) {
      throw new NormalizationTimeoutException(budget);
    }
  }

  /** {@code text} as a character sequence that checks this deadline while it is read. */
  CharSequence chars(String text) {
    return this == NONE ? text : new Checked(text, this);
  }

  private static final class Checked implements CharSequence {
    private final String text;
    private final Deadline deadline;
    private int reads;

    Checked(String text, Deadline deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if (++reads >= CHECK_EVERY) {
        reads = 0;
        deadline.check();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
