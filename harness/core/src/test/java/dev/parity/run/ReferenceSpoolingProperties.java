package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Comparison;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.CompareTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * A stream compared with its {@link Reference} as it arrives ends exactly as it would have without
 * one (the reference model: the same stream spooled as before): the same bytes kept, every byte
 * shown to the scan in order, and the same comparison with legacy's output (pass or fail, first
 * difference, facts). Only a stream equal to its reference differs, and only in where its bytes
 * are: it is the reference's own {@link Spooled}, and no file was made for it.
 */
class ReferenceSpoolingProperties {
  private final List<Path> made = new ArrayList<>();

  @AfterTry
  void deleteSpools() throws IOException {
    for (Path file : made) {
      Files.deleteIfExists(file);
    }
    made.clear();
  }

  /** The edits of legacy's output that make the candidate's. */
  private enum Edit {
    EQUAL,
    CHANGED_AT_START,
    CHANGED_BEFORE_LIMIT,
    CHANGED_AT_LIMIT,
    CHANGED_AFTER_LIMIT,
    CHANGED_AT_LAST_BYTE,
    CHANGED_ANYWHERE,
    LONGER,
    SHORTER,
    EMPTY
  }

  @Property(tries = 400)
  void aStreamComparedWithItsReferenceEndsAsItWouldWithoutOne(
      @ForAll @IntRange(min = 0, max = 6_000) int length,
      @ForAll long seed,
      @ForAll Edit edit,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 3_000) int limit,
      @ForAll @IntRange(min = 1, max = 200) int fileBuffer,
      @ForAll @IntRange(min = 1, max = 700) int chunk)
      throws IOException {
    Random random = new Random(seed);
    byte[] legacy = text(random, length);
    byte[] candidate = edit(legacy, edit, where, limit, random);
    Kept first = keep(legacy, limit, fileBuffer, chunk, null);
    Optional<Spooled> reference = first.spooled;

    Kept before = keep(candidate, limit, fileBuffer, chunk, null);
    Kept after = keep(candidate, limit, fileBuffer, chunk, reference.orElse(null));

    assertThat(after.bytes()).isEqualTo(before.bytes()).isEqualTo(candidate);
    assertThat(after.spooled.isPresent()).isEqualTo(before.spooled.isPresent());
    assertThat(after.observation().size(Observation.STDOUT)).isEqualTo(candidate.length);
    assertThat(first.observation().mismatch(Observation.STDOUT, after.observation()))
        .isEqualTo(first.observation().mismatch(Observation.STDOUT, before.observation()));
    assertThat(after.observation().sameContentAs(first.observation()))
        .isEqualTo(before.observation().sameContentAs(first.observation()));
    Comparison withReference = compare(first.observation(), after.observation());
    Comparison without = compare(first.observation(), before.observation());
    assertThat(withReference.isIdentical()).isEqualTo(without.isIdentical());
    assertThat(withReference.facts()).isEqualTo(without.facts());
    assertThat(withReference.unifiedDiff()).isEqualTo(without.unifiedDiff());
    assertThat(after.scanned.toByteArray()).isEqualTo(before.scanned.toByteArray());
    if (reference.isPresent() && Arrays.equals(candidate, legacy)) {
      assertThat(after.spooled).isEqualTo(reference);
      assertThat(after.files).as("files made for a stream equal to its reference").isZero();
    } else {
      assertThat(after.files).isEqualTo(before.files);
    }
  }

  /**
   * While a stream is compared with its reference, its scan sees each byte as it arrives, on the
   * pump's thread: nothing of the scan is left for the end, when a late difference must be spooled.
   */
  @Property(tries = 100)
  void theScanSeesEachByteAsItArrivesWhileTheStreamIsCompared(
      @ForAll @IntRange(min = 1, max = 3_000) int limit,
      @ForAll @IntRange(min = 2, max = 6_000) int more,
      @ForAll long seed)
      throws IOException {
    byte[] legacy = text(new Random(seed), limit + more);
    Spooled reference = keep(legacy, limit, 64, 100, null).spooled.orElseThrow();
    ByteArrayOutputStream scanned = new ByteArrayOutputStream();
    SpoolingBuffer buffer =
        new SpoolingBuffer(
            limit,
            () -> {
              throw new IOException("no spool file for a stream equal to its reference");
            },
            scanned::write,
            64,
            reference);

    buffer.write(legacy, 0, legacy.length - 1);

    assertThat(scanned.toByteArray()).isEqualTo(Arrays.copyOf(legacy, legacy.length - 1));
    buffer.write(legacy, legacy.length - 1, 1);
    assertThat(buffer.finish()).contains(reference);
  }

  /**
   * A scan that can answer for its reference's bytes ({@link OutputScan#skip}) is shown only what
   * differs: the bytes the stream shares with its reference up to where it was compared as equal
   * are skipped, the rest (from a point no later than the first difference) shown in order; the two
   * together are the whole stream, and what is kept is the same as with a scan that sees every
   * byte. A stream equal to its reference is not shown at all.
   */
  @Property(tries = 300)
  void aScanThatAnswersForTheReferenceIsShownOnlyWhatFollowsTheMatchedBytes(
      @ForAll @IntRange(min = 0, max = 6_000) int length,
      @ForAll long seed,
      @ForAll Edit edit,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 3_000) int limit,
      @ForAll @IntRange(min = 1, max = 700) int chunk)
      throws IOException {
    Random random = new Random(seed);
    byte[] legacy = text(random, length);
    byte[] candidate = edit(legacy, edit, where, limit, random);
    Optional<Spooled> reference = keep(legacy, limit, 64, chunk, null).spooled;
    Kept seeing = keep(candidate, limit, 64, chunk, reference.orElse(null));
    SkippingScan skipping = new SkippingScan(reference.orElse(null));

    Kept skipped = keep(candidate, limit, 64, chunk, reference.orElse(null), skipping);

    assertThat(skipped.bytes()).isEqualTo(seeing.bytes());
    assertThat(skipped.spooled.map(Spooled::size)).isEqualTo(seeing.spooled.map(Spooled::size));
    assertThat(skipped.files).isEqualTo(seeing.files);
    byte[] shown = skipped.scanned.toByteArray();
    assertThat(skipping.skipped + shown.length)
        .as("skipped and shown, the whole stream once the limit is passed")
        .isEqualTo(candidate.length > limit ? candidate.length : 0);
    int from = (int) skipping.skipped;
    assertThat(shown).isEqualTo(Arrays.copyOfRange(candidate, from, from + shown.length));
    int firstDifference = Arrays.mismatch(legacy, candidate);
    assertThat(from).isLessThanOrEqualTo(firstDifference < 0 ? candidate.length : firstDifference);
    if (reference.isPresent() && Arrays.equals(candidate, legacy)) {
      assertThat(shown).as("a stream equal to its reference is not scanned again").isEmpty();
      assertThat(skipped.spooled).isEqualTo(reference);
    }
  }

  /**
   * A stream that differs from its reference only in its last byte keeps the bytes it was compared
   * equal in the reference: they are not copied into its own file (whose bytes there are a hole,
   * read as zeros), yet the stream reads whole, its last byte from its own file.
   */
  @Property(tries = 100)
  void aLateDifferenceLeavesTheSharedBytesInTheReferenceUncopied(
      @ForAll @IntRange(min = 1, max = 2_000) int limit,
      @ForAll @IntRange(min = 1, max = 4_000) int more,
      @ForAll @IntRange(min = 1, max = 700) int chunk,
      @ForAll long seed)
      throws IOException {
    byte[] legacy = text(new Random(seed), limit + more);
    byte[] candidate = changed(legacy, legacy.length - 1);
    Spooled reference = keep(legacy, limit, 64, chunk, null).spooled.orElseThrow();

    Kept after = keep(candidate, limit, 64, chunk, reference);

    assertThat(after.bytes()).isEqualTo(candidate);
    byte[] own = Files.readAllBytes(after.spooled.orElseThrow().file());
    // Every write before the one with the last byte was compared equal.
    int equalWrites = (candidate.length - 1) / chunk * chunk;
    assertThat(Arrays.copyOf(own, equalWrites))
        .as("the first bytes, equal to the reference's, were not copied")
        .isEqualTo(new byte[equalWrites]);
    assertThat(own[own.length - 1]).isEqualTo(candidate[candidate.length - 1]);
  }

  @Property(tries = 100)
  void aReferenceWhoseFirstBytesAreAnotherStreamsIsNeverMatchedAgainstItsFileAlone(
      @ForAll @IntRange(min = 1, max = 2_000) int limit,
      @ForAll @IntRange(min = 1, max = 4_000) int more,
      @ForAll @IntRange(min = 1, max = 700) int chunk,
      @ForAll long seed)
      throws IOException {
    byte[] legacy = text(new Random(seed), limit + more);
    Spooled first = keep(legacy, limit, 64, chunk, null).spooled.orElseThrow();
    Spooled prefixed =
        keep(changed(legacy, legacy.length - 1), limit, 64, chunk, first).spooled.orElseThrow();
    // What the prefixed stream's file alone holds: a hole of zeros where its prefix is.
    byte[] fileAlone = Files.readAllBytes(prefixed.file());

    Kept candidate = keep(fileAlone, limit, 64, chunk, prefixed);

    // Matched against the file alone, it would have ended as the prefixed stream, whose bytes
    // differ: a false "equal".
    assertThat(candidate.bytes()).isEqualTo(fileAlone);
    assertThat(candidate.spooled.orElseThrow().prefix()).isNull();
  }

  /** A scan that answers for the bytes of one reference and records what it is shown. */
  private static final class SkippingScan implements OutputScan {
    private final Spooled reference;
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private long skipped;

    SkippingScan(Spooled reference) {
      this.reference = reference;
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) {
      shown.write(bytes, offset, length);
    }

    @Override
    public boolean skip(Spooled stream, long length) {
      assertThat(shown.size()).as("skipped bytes come before any shown").isZero();
      if (!stream.equals(reference)) {
        return false;
      }
      skipped += length;
      return true;
    }
  }

  /** What a buffer kept of one stream, the files it made and what its scan saw. */
  private record Kept(
      Optional<Spooled> spooled, byte[] inMemory, int files, ByteArrayOutputStream scanned) {
    byte[] bytes() throws IOException {
      if (spooled.isEmpty()) {
        return inMemory;
      }
      try (InputStream in = spooled.get().open()) {
        return in.readAllBytes();
      }
    }

    Observation observation() {
      TreeMap<String, byte[]> streams = new TreeMap<>();
      TreeMap<String, Spooled> onDisk = new TreeMap<>();
      streams.put(Observation.STDERR, new byte[0]);
      if (spooled.isPresent()) {
        onDisk.put(Observation.STDOUT, spooled.get());
      } else {
        streams.put(Observation.STDOUT, inMemory);
      }
      return Observation.ofCommand(0, Optional.empty(), streams, onDisk, Duration.ZERO);
    }
  }

  private Kept keep(byte[] stream, int limit, int fileBuffer, int chunk, Spooled reference)
      throws IOException {
    ByteArrayOutputStream scanned = new ByteArrayOutputStream();
    return keep(stream, limit, fileBuffer, chunk, reference, scanned::write, scanned);
  }

  private Kept keep(
      byte[] stream, int limit, int fileBuffer, int chunk, Spooled reference, SkippingScan scan)
      throws IOException {
    return keep(stream, limit, fileBuffer, chunk, reference, scan, scan.shown);
  }

  private Kept keep(
      byte[] stream,
      int limit,
      int fileBuffer,
      int chunk,
      Spooled reference,
      OutputScan scan,
      ByteArrayOutputStream scanned)
      throws IOException {
    int[] files = {0};
    SpoolingBuffer buffer =
        new SpoolingBuffer(
            limit,
            () -> {
              files[0]++;
              Path file = Files.createTempFile("reference-spooling", "");
              made.add(file);
              return file;
            },
            scan,
            fileBuffer,
            reference);
    for (int at = 0; at < stream.length; at += chunk) {
      buffer.write(stream, at, Math.min(chunk, stream.length - at));
    }
    Optional<Spooled> spooled = buffer.finish();
    return new Kept(spooled, spooled.isPresent() ? null : buffer.bytes(), files[0], scanned);
  }

  private static Comparison compare(Observation legacy, Observation candidate) {
    return new ObservationComparator()
        .compare(EnumSet.allOf(CompareTarget.class), legacy, candidate);
  }

  /** Short lines of a few letters, so that a difference has a line to be on. */
  private static byte[] text(Random random, int length) {
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) {
      text[i] = random.nextInt(8) == 0 ? (byte) '\n' : (byte) ('a' + random.nextInt(3));
    }
    return text;
  }

  private static byte[] edit(byte[] legacy, Edit edit, int where, int limit, Random random) {
    int length = legacy.length;
    return switch (edit) {
      case EQUAL -> legacy.clone();
      case CHANGED_AT_START -> changed(legacy, 0);
      case CHANGED_BEFORE_LIMIT -> changed(legacy, limit - 1);
      case CHANGED_AT_LIMIT -> changed(legacy, limit);
      case CHANGED_AFTER_LIMIT -> changed(legacy, limit + 1);
      case CHANGED_AT_LAST_BYTE -> changed(legacy, length - 1);
      case CHANGED_ANYWHERE -> changed(legacy, length == 0 ? 0 : where % length);
      case LONGER -> {
        byte[] longer = Arrays.copyOf(legacy, length + 1 + where % 100);
        System.arraycopy(
            text(random, longer.length - length), 0, longer, length, longer.length - length);
        yield longer;
      }
      case SHORTER -> Arrays.copyOf(legacy, length == 0 ? 0 : where % length);
      case EMPTY -> new byte[0];
    };
  }

  /** {@code legacy} with the byte at {@code at} changed, when it has one. */
  private static byte[] changed(byte[] legacy, int at) {
    byte[] copy = legacy.clone();
    if (at >= 0 && at < copy.length) {
      copy[at] = (byte) (copy[at] == 'a' ? 'b' : 'a');
    }
    return copy;
  }
}
