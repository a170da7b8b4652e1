package dev.parity.diff;

import dev.parity.run.Observation;
import dev.parity.run.StreamBytes;
import dev.parity.run.StreamContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares a stream that at least one side kept on disk (over the in-memory limit): byte for byte,
 * in bounded memory, whatever the size. A difference is stated by its offset and line; the diff
 * shows the lines around the first difference only, since a line diff of such outputs would not fit
 * in memory.
 */
final class SpooledStreams {
  /** Bytes read on each side of the first difference for the excerpt. */
  static final int EXCERPT = 2048;

  private SpooledStreams() {}

  /** The first difference, if the two sides' bytes differ. */
  static Optional<StreamDiff> compare(
      String stream,
      Observation legacy,
      Observation candidate,
      TextDiffer differ,
      SideNames names,
      List<Fact> facts) {
    try {
      // Read once per pair of spool files: the archive has usually asked the same already.
      Optional<StreamBytes.Mismatch> mismatch = legacy.mismatch(stream, candidate);
      if (mismatch.isEmpty()) {
        return Optional.empty();
      }
      long offset = mismatch.get().offset();
      long line = mismatch.get().lineFeeds() + 1;
      long from = Math.max(0, offset - EXCERPT);
      byte[] left = window(legacy, stream, from);
      byte[] right = window(candidate, stream, from);
      int skip = from == 0 ? 0 : firstLineStart(left, (int) (offset - from));
      StreamDiff excerpt =
          differ.diff(
              stream,
              Texts.lines(StreamContent.lenientUtf8(lines(left, skip, (int) (offset - from)))),
              Texts.lines(StreamContent.lenientUtf8(lines(right, skip, (int) (offset - from)))),
              names);
      facts.add(
          new Fact(
              ObservationComparator.label(stream),
              "first difference at byte "
                  + offset
                  + " (line "
                  + line
                  + "); "
                  + names.left()
                  + " "
                  + legacy.size(stream)
                  + " bytes, "
                  + names.right()
                  + " "
                  + candidate.size(stream)
                  + " bytes, compared byte for byte on disk (over the in-memory limit);"
                  + " the diff shows only the lines around the first difference, the first"
                  + " bytes of each side are in observations/ and each side's repro.sh there"
                  + " makes the whole output again"));
      return Optional.of(
          new StreamDiff(
              stream,
              StreamDiff.Kind.TEXT,
              excerpt.removed(),
              excerpt.added(),
              false,
              true,
              excerpt.unified()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare " + stream + " on disk", e);
    }
  }

  private static byte[] window(Observation observation, String stream, long from)
      throws IOException {
    try (InputStream in = observation.open(stream)) {
      in.skipNBytes(Math.min(from, observation.size(stream)));
      return in.readNBytes(2 * EXCERPT);
    }
  }

  /** Where the first whole line of the window starts, at or before the difference at {@code at}. */
  private static int firstLineStart(byte[] window, int at) {
    for (int i = 0; i < Math.min(at, window.length); i++) {
      if (window[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /** From {@code skip} to the end of the last whole line, keeping at least the difference. */
  private static byte[] lines(byte[] window, int skip, int at) {
    int end = window.length;
    for (int i = window.length - 1; i > at; i--) {
      if (window[i - 1] == '\n') {
        end = i;
        break;
      }
    }
    return Arrays.copyOfRange(window, Math.min(skip, end), end);
  }
}
