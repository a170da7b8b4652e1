package dev.parity.redact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Tells from an output's bytes, without decoding them, whether the built-in rules of {@link
 * Redactor} could change anything in it.
 *
 * <p>Redacting decodes every output to a String and scans it line by line; for a 45 MB output with
 * nothing to redact (the usual case) that was the largest part of a comparison's CPU. The built-in
 * rules change only a line holding a separator ({@code :} for headers, {@code =} for assignments
 * and queries) and one of their keywords, and the text holding one of Parity's own secrets, which
 * this checks on the bytes. It errs towards "could": a line with a separator and any non-ASCII byte
 * could hold a keyword under Unicode case folding (the Kelvin sign is a {@code k}), and a non-ASCII
 * keyword or secret is not looked for here at all.
 */
final class RedactionScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long CASE = 0x2020202020202020L;
  private static final long LETTER_BITS = 0x4040404040404040L;
  private static final long NEWLINES = '\n' * ONES;
  private static final long COLONS = ':' * ONES;
  private static final long EQUALS = '=' * ONES;

  private RedactionScan() {}

  private static long[] letterPatterns(List<String> keywords) {
    return ScanKeys.of(keywords).letters();
  }

  private static boolean startWithLetters(List<String> keywords) {
    return ScanKeys.of(keywords).startWithLetters();
  }

  private static boolean[] firstBytes(List<String> keywords) {
    return ScanKeys.of(keywords).first();
  }

  private static boolean ascii(List<String> texts) {
    return ScanKeys.of(texts).ascii();
  }

  /**
   * False only when no line of {@code bytes} has {@code :} and one of {@code colonKeywords}, none
   * has {@code =} and one of {@code equalsKeywords} (ASCII case-insensitively, lines split at
   * {@code \n} as {@link Lines} does), and no secret occurs in them.
   */
  static boolean mayChange(
      byte[] bytes, List<String> colonKeywords, List<String> equalsKeywords, List<String> secrets) {
    return mayChange(bytes, bytes.length, colonKeywords, equalsKeywords, secrets);
  }

  /** The same for the first {@code length} bytes of {@code bytes} (a reused buffer). */
  static boolean mayChange(
      byte[] bytes,
      int length,
      List<String> colonKeywords,
      List<String> equalsKeywords,
      List<String> secrets) {
    if (!ascii(colonKeywords) || !ascii(equalsKeywords) || !ascii(secrets)) {
      return true;
    }
    for (String secret : secrets) {
      if (indexOf(bytes, length, secret.getBytes(StandardCharsets.US_ASCII)) >= 0) {
        return true;
      }
    }
    boolean[] colonFirst = firstBytes(colonKeywords);
    boolean[] equalsFirst = firstBytes(equalsKeywords);
    boolean everyColonLine = !startWithLetters(colonKeywords);
    boolean everyEqualsLine = !startWithLetters(equalsKeywords);
    long[] colonLetters = everyColonLine ? new long[0] : letterPatterns(colonKeywords);
    long[] equalsLetters = everyEqualsLine ? new long[0] : letterPatterns(equalsKeywords);
    if (!wholeCould(bytes, length, colonKeywords, equalsKeywords)) {
      return false;
    }
    int start = 0;
    while (start < length) {
      // One line, eight bytes at a time: its separators, non-ASCII bytes and the letters its
      // keywords could start with (in either case); the exact keyword search runs only on a line
      // that has a separator and such a letter.
      long colon = 0;
      long equals = 0;
      long high = 0;
      long colonStart = 0;
      long equalsStart = 0;
      int end = length;
      for (int i = start; i < length; i += Long.BYTES) {
        long word = word(bytes, i, length);
        long newline = zeros(word ^ NEWLINES);
        if (newline != 0) {
          // The lowest flagged byte is the first newline; the bytes after it are not this line's.
          int at = Long.numberOfTrailingZeros(newline) >>> 3;
          end = i + at;
          word &= at == 0 ? 0 : -1L >>> (Long.SIZE - Byte.SIZE * at);
        }
        colon |= zeros(word ^ COLONS);
        equals |= zeros(word ^ EQUALS);
        high |= word & HIGHS;
        long folded = word | CASE;
        for (long letter : colonLetters) {
          colonStart |= zeros(folded ^ letter);
        }
        for (long letter : equalsLetters) {
          equalsStart |= zeros(folded ^ letter);
        }
        if (newline != 0) {
          break;
        }
      }
      boolean nonAscii = high != 0;
      // A line that reaches hasKeyword is all ASCII.
      if ((colon != 0
              && (nonAscii
                  || (colonStart != 0 || everyColonLine)
                      && hasKeyword(bytes, start, end, colonKeywords, colonFirst)))
          || (equals != 0
              && (nonAscii
                  || (equalsStart != 0 || everyEqualsLine)
                      && hasKeyword(bytes, start, end, equalsKeywords, equalsFirst)))) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /**
   * Whether the first {@code length} bytes taken as one line would pass the line test below: false
   * means no line of them can (each line's separators, non-ASCII bytes and letters are among the
   * whole's). A few branch-free passes, each ending early once it has its answer, cost less than
   * the line by line scan, which restarts at every line: an output of numbers and {@code =} (a
   * gigabyte of {@code record N value=M}) is answered without it, in half the time.
   */
  static boolean wholeCould(
      byte[] bytes, int length, List<String> colonKeywords, List<String> equalsKeywords) {
    long colon = 0;
    long equals = 0;
    long high = 0;
    for (int i = 0; i < length; i += Long.BYTES) {
      long word = word(bytes, i, length);
      colon |= zeros(word ^ COLONS);
      equals |= zeros(word ^ EQUALS);
      high |= word & HIGHS;
    }
    if (colon == 0 && equals == 0) {
      return false;
    }
    if (high != 0) {
      return true;
    }
    return colon != 0 && couldStart(bytes, length, colonKeywords)
        || equals != 0 && couldStart(bytes, length, equalsKeywords);
  }

  /** Whether the bytes alone can tell that keywords cannot match (they are all ASCII). */
  static boolean decidesFor(List<String> colonKeywords, List<String> equalsKeywords) {
    return ascii(colonKeywords) && ascii(equalsKeywords);
  }

  /**
   * What {@link #wholeCould} looks for, gathered over bytes given in any number of pieces: the
   * whole's separators, non-ASCII bytes and keyword letters are those of its pieces together.
   */
  static final class Flags {
    private final long[] colonLetters;
    private final long[] equalsLetters;
    private long colon;
    private long equals;
    private long high;
    private long colonStart;
    private long equalsStart;

    Flags(List<String> colonKeywords, List<String> equalsKeywords) {
      // Keywords that do not all start with a letter make every line with a separator a suspect.
      this.colonLetters =
          startWithLetters(colonKeywords) ? letterPatterns(colonKeywords) : new long[0];
      this.equalsLetters =
          startWithLetters(equalsKeywords) ? letterPatterns(equalsKeywords) : new long[0];
    }

    /**
     * Adds what {@code other} gathered (made for the same keywords): the flags of two texts
     * together are those of their concatenation, and of anything made of their bytes.
     */
    void add(Flags other) {
      colon |= other.colon;
      equals |= other.equals;
      high |= other.high;
      colonStart |= other.colonStart;
      equalsStart |= other.equalsStart;
    }

    /** Adds {@code bytes[from, to)}. */
    void add(byte[] bytes, int from, int to) {
      int whole = from + ((to - from) & -Long.BYTES);
      addWords(bytes, from, whole);
      if (whole < to) {
        // The last few bytes as one word padded with zero bytes, which match no byte looked for.
        byte[] last = new byte[Long.BYTES];
        System.arraycopy(bytes, whole, last, 0, to - whole);
        addWords(last, 0, Long.BYTES);
      }
    }

    /**
     * Adds the whole words of {@code bytes[from, to)}, read in the loop itself: C1 (Parity's JIT)
     * does not inline {@link #word}, and the call for each word was a third of this loop's time.
     */
    private void addWords(byte[] bytes, int from, int to) {
      long c = colon;
      long e = equals;
      long h = high;
      long cs = colonStart;
      long es = equalsStart;
      for (int i = from; i < to; i += Long.BYTES) {
        long word = (long) LONGS.get(bytes, i);
        c |= zeros(word ^ COLONS);
        e |= zeros(word ^ EQUALS);
        h |= word & HIGHS;
        // As in hasLetter: a word without bit 6 in any byte has no letter.
        // A flag is only ever asked whether it is set: once it is, its letters are not looked
        // for again (issue 13, ninth pass: a letter of the header keywords is in most words of
        // text, and their patterns were tested in every word of a gigabyte).
        if ((word & LETTER_BITS) != 0 && (cs == 0 || es == 0)) {
          long folded = word | CASE;
          if (cs == 0) {
            for (long letter : colonLetters) {
              cs |= zeros(folded ^ letter);
            }
          }
          if (es == 0) {
            for (long letter : equalsLetters) {
              es |= zeros(folded ^ letter);
            }
          }
        }
      }
      colon = c;
      equals = e;
      high = h;
      colonStart = cs;
      equalsStart = es;
    }

    /** What {@link #wholeCould} says of all the bytes added, taken as one. */
    boolean could(List<String> colonKeywords, List<String> equalsKeywords) {
      if (colon == 0 && equals == 0) {
        return false;
      }
      if (high != 0) {
        return true;
      }
      return colon != 0 && (!startWithLetters(colonKeywords) || colonStart != 0)
          || equals != 0 && (!startWithLetters(equalsKeywords) || equalsStart != 0);
    }
  }

  /** Whether a letter one of {@code keywords} starts with occurs, or one starts with no letter. */
  private static boolean couldStart(byte[] bytes, int length, List<String> keywords) {
    return !startWithLetters(keywords) || hasLetter(bytes, length, letterPatterns(keywords));
  }

  /** Whether one of {@code letters} (patterns of {@link #letterPatterns}) occurs in either case. */
  private static boolean hasLetter(byte[] bytes, int length, long[] letters) {
    long found = 0;
    for (int i = 0; i < length; i += Long.BYTES) {
      long word = word(bytes, i, length);
      // Every ASCII letter has bit 6 set; digits, spaces and punctuation below '@' do not, so a
      // word of them (most of a numeric output) needs no letter test.
      if ((word & LETTER_BITS) == 0) {
        continue;
      }
      long folded = word | CASE;
      for (long letter : letters) {
        found |= zeros(folded ^ letter);
      }
      // Text has such letters early: stop there (every 4 KiB, not at every word).
      if ((i & 4095) == 0 && found != 0) {
        return true;
      }
    }
    return found != 0;
  }

  /**
   * Each byte of {@code x} that is zero has its high bit set in the result; other bits are clear
   * but for bytes above a zero one (a borrow), so the result is non-zero exactly when some byte is
   * zero, and its lowest set bit marks the first zero byte.
   */
  private static long zeros(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /**
   * The eight bytes from {@code at}, the first in the lowest byte; past {@code length}, zero bytes.
   */
  private static long word(byte[] bytes, int at, int length) {
    if (at + Long.BYTES <= length) {
      return (long) LONGS.get(bytes, at);
    }
    long word = 0;
    for (int k = 0; at + k < length; k++) {
      word |= (bytes[at + k] & 0xFFL) << (Long.BYTES * k);
    }
    return word;
  }

  private static boolean hasKeyword(
      byte[] bytes, int from, int to, List<String> keywords, boolean[] first) {
    for (int i = from; i < to; i++) {
      if (!first[bytes[i]]) {
        continue;
      }
      for (String keyword : keywords) {
        if (i + keyword.length() <= to && matchesAt(bytes, i, keyword)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] bytes, int at, String keyword) {
    for (int k = 0; k < keyword.length(); k++) {
      if (lower(bytes[at + k]) != lower((byte) keyword.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static int lower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
  }

  private static int indexOf(byte[] bytes, int length, byte[] part) {
    if (part.length == 0) {
      return 0;
    }
    for (int i = 0; i + part.length <= length; i++) {
      if (bytes[i] == part[0] && Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }
}
