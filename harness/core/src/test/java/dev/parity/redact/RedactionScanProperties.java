package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Redaction;
import dev.parity.run.Observation;
import dev.parity.run.Spooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The byte scan that lets the redactor skip decoding an output: whenever it says no rule could
 * change the bytes, redacting their text changes nothing either.
 */
class RedactionScanProperties {
  private static final Redactor REDACTOR =
      Redactor.of(
          new Redaction(Set.of("authorization", "x-internal"), List.of()),
          Map.of("MY_TOKEN", "s3cr3t-value"));

  @Property(tries = 5_000)
  void whatTheScanPassesTheRedactorLeavesAsItIs(@ForAll("texts") byte[] bytes) {
    boolean mayChange =
        RedactionScan.mayChange(
            bytes,
            List.of("token", "authorization", "x-internal"),
            List.of("token", "secret", "passw", "key"),
            List.of("s3cr3t-value"));
    String utf8 = new String(bytes, StandardCharsets.UTF_8);
    String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);

    if (!mayChange) {
      assertThat(REDACTOR.text(utf8)).isEqualTo(utf8);
      assertThat(REDACTOR.text(latin1)).isEqualTo(latin1);
    }
    Observation observation = observation(bytes);
    if (REDACTOR.apply(observation) != observation) {
      assertThat(mayChange).as("the redactor changed what the scan passed").isTrue();
    }
  }

  /**
   * The scan reads eight bytes at a time; it answers as the byte-by-byte model below does, for any
   * text, lines crossing or ending within those eight bytes, and keywords that do not start with a
   * letter.
   */
  @Property(tries = 3_000)
  void theWordAtATimeScanAnswersAsTheByteByByteModel(
      @ForAll("longTexts") byte[] bytes,
      @ForAll("keywords") List<String> colon,
      @ForAll("keywords") List<String> equals) {
    assertThat(RedactionScan.mayChange(bytes, colon, equals, List.of()))
        .isEqualTo(ByteByByteScan.mayChange(bytes, colon, equals));
  }

  /**
   * The scan first asks whether the whole text, taken as one line, could pass; when not, no line
   * can, and the line by line scan is skipped.
   */
  @Property(tries = 3_000)
  void whatTheWholeTestRulesOutNoLineCouldChange(
      @ForAll("longTexts") byte[] bytes,
      @ForAll("keywords") List<String> colon,
      @ForAll("keywords") List<String> equals) {
    if (ByteByByteScan.mayChange(bytes, colon, equals)) {
      assertThat(RedactionScan.wholeCould(bytes, bytes.length, colon, equals)).isTrue();
    }
  }

  /**
   * As an output is spooled its redaction scan sees it in pieces cut anywhere (the pump's reads):
   * the flags gathered over the pieces answer as the whole test over the whole, and where they rule
   * the output out, the byte-by-byte model finds no line to change.
   */
  @Property(tries = 3_000)
  void theWholeTestOverPiecesAnswersAsOverTheWhole(
      @ForAll("longTexts") byte[] bytes,
      @ForAll("keywords") List<String> colon,
      @ForAll("keywords") List<String> equals,
      @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 80) Integer> cuts) {
    OutputRedactionScan scan = new OutputRedactionScan(colon, equals);
    // The pieces are slices of a larger array, as the pump's buffer is.
    byte[] padded = new byte[bytes.length + 6];
    System.arraycopy(bytes, 0, padded, 3, bytes.length);
    Arrays.fill(padded, 0, 3, (byte) '=');
    Arrays.fill(padded, bytes.length + 3, padded.length, (byte) 'k');
    int from = 0;
    for (int cut : cuts) {
      int to = Math.min(bytes.length, from + cut);
      scan.accept(padded, 3 + from, to - from);
      from = to;
    }
    scan.accept(padded, 3 + from, bytes.length - from);

    assertThat(scan.seen()).isEqualTo(bytes.length);
    assertThat(scan.could())
        .isEqualTo(RedactionScan.wholeCould(bytes, bytes.length, colon, equals));
    if (!scan.could()) {
      assertThat(ByteByByteScan.mayChange(bytes, colon, equals)).isFalse();
    }
  }

  /**
   * A stream whose first bytes were compared equal to legacy's is not scanned there: its scan
   * answers for them with legacy's finished scan of the whole reference. Never less cautious than a
   * scan that saw every byte (the whole test over the stream, and the byte-by-byte model): where it
   * rules the stream out, they do too. A reference other than the one its scan saw, or a scan that
   * saw only part of it, answers for nothing.
   */
  @Property(tries = 3_000)
  void aScanThatAnswersForLegacysBytesIsNeverLessCautiousThanOneThatSawThem(
      @ForAll("longTexts") byte[] legacy,
      @ForAll("longTexts") byte[] rest,
      @ForAll @IntRange(min = 0, max = 100) int shared,
      @ForAll("keywords") List<String> colon,
      @ForAll("keywords") List<String> equals) {
    int prefix = Math.min(shared, legacy.length);
    byte[] candidate = spliced(legacy, prefix, rest);
    Spooled reference = new Spooled(Path.of("legacy-stdout"), legacy.length);
    OutputRedactionScan legacyScan = new OutputRedactionScan(colon, equals);
    legacyScan.accept(legacy, 0, legacy.length);
    OutputRedactionScan scan = new OutputRedactionScan(colon, equals, reference, done(legacyScan));

    assertThat(scan.skip(new Spooled(Path.of("other"), legacy.length), prefix)).isFalse();
    assertThat(scan.skip(reference, prefix)).isTrue();
    scan.accept(rest, 0, rest.length);

    assertThat(scan.seen()).isEqualTo(candidate.length);
    if (!scan.could()) {
      assertThat(RedactionScan.wholeCould(candidate, candidate.length, colon, equals)).isFalse();
      assertThat(ByteByByteScan.mayChange(candidate, colon, equals)).isFalse();
    }
    OutputRedactionScan half = new OutputRedactionScan(colon, equals);
    half.accept(legacy, 0, legacy.length / 2);
    if (legacy.length > 1) {
      assertThat(
              new OutputRedactionScan(colon, equals, reference, done(half)).skip(reference, prefix))
          .as("a scan that saw half of the reference answers for none of it")
          .isFalse();
    }
  }

  /**
   * A reference whose scan is still running (a golden's, scanned beside the candidate's run): the
   * stream's scan takes the reference's bytes unseen and adds the reference scan's flags once it is
   * asked, after the run, answering as a scan that saw every byte would, or more cautiously. A
   * reference scan that saw part of the reference, or failed, answers for none of those bytes: the
   * stream then counts as not seen whole, so it is redacted by a pass over its file.
   */
  @Property(tries = 3_000)
  void aScanThatAnswersForBytesOfAReferenceScannedMeanwhileIsNeverLessCautious(
      @ForAll("longTexts") byte[] legacy,
      @ForAll("longTexts") byte[] rest,
      @ForAll @IntRange(min = 0, max = 100) int shared,
      @ForAll("keywords") List<String> colon,
      @ForAll("keywords") List<String> equals) {
    int prefix = Math.min(shared, legacy.length);
    byte[] candidate = spliced(legacy, prefix, rest);
    Spooled reference = new Spooled(Path.of("golden-stdout"), legacy.length);
    CompletableFuture<Optional<OutputRedactionScan>> running = new CompletableFuture<>();
    OutputRedactionScan scan = new OutputRedactionScan(colon, equals, reference, running);

    assertThat(scan.skip(reference, prefix)).isTrue();
    scan.accept(rest, 0, rest.length);
    OutputRedactionScan goldenScan = new OutputRedactionScan(colon, equals);
    goldenScan.accept(legacy, 0, legacy.length);
    running.complete(Optional.of(goldenScan));

    assertThat(scan.seen()).isEqualTo(candidate.length);
    if (!scan.could()) {
      assertThat(RedactionScan.wholeCould(candidate, candidate.length, colon, equals)).isFalse();
      assertThat(ByteByByteScan.mayChange(candidate, colon, equals)).isFalse();
    }
    if (prefix > 0 && legacy.length > 1) {
      OutputRedactionScan half = new OutputRedactionScan(colon, equals);
      half.accept(legacy, 0, legacy.length / 2);
      CompletableFuture<Optional<OutputRedactionScan>> partial = new CompletableFuture<>();
      OutputRedactionScan partly = new OutputRedactionScan(colon, equals, reference, partial);
      assertThat(partly.skip(reference, prefix)).isTrue();
      partly.accept(rest, 0, rest.length);
      partial.complete(Optional.of(half));
      assertThat(partly.seen()).as("bytes a partial scan cannot answer for").isEqualTo(rest.length);

      CompletableFuture<Optional<OutputRedactionScan>> broken = new CompletableFuture<>();
      OutputRedactionScan failed = new OutputRedactionScan(colon, equals, reference, broken);
      assertThat(failed.skip(reference, prefix)).isTrue();
      broken.completeExceptionally(new IllegalStateException("unreadable"));
      assertThat(failed.seen()).as("bytes a failed scan cannot answer for").isZero();
    }
  }

  /** The first {@code prefix} bytes of {@code legacy}, then {@code rest}. */
  private static byte[] spliced(byte[] legacy, int prefix, byte[] rest) {
    byte[] candidate = Arrays.copyOf(legacy, prefix + rest.length);
    System.arraycopy(rest, 0, candidate, prefix, rest.length);
    return candidate;
  }

  private static CompletableFuture<Optional<OutputRedactionScan>> done(OutputRedactionScan scan) {
    return CompletableFuture.completedFuture(Optional.of(scan));
  }

  /**
   * The scan stops looking for a side's keyword letters once it has found one (issue 13, ninth
   * pass): after every piece of an output, each of several texts with its own separators, letters
   * and non-ASCII bytes, it still answers as the whole test over everything it saw, so no flag it
   * stopped computing was needed later.
   */
  @Property(tries = 3_000)
  void afterEachPieceTheScanAnswersAsTheWholeTestOverWhatItSaw(
      @ForAll @Size(min = 1, max = 6) List<@From("longTexts") byte[]> pieces,
      @ForAll("keywords") List<String> colon,
      @ForAll("keywords") List<String> equals) {
    OutputRedactionScan scan = new OutputRedactionScan(colon, equals);
    byte[] seen = new byte[0];
    for (byte[] piece : pieces) {
      scan.accept(piece, 0, piece.length);
      int at = seen.length;
      seen = Arrays.copyOf(seen, at + piece.length);
      System.arraycopy(piece, 0, seen, at, piece.length);

      assertThat(scan.could())
          .as("after %d bytes", seen.length)
          .isEqualTo(RedactionScan.wholeCould(seen, seen.length, colon, equals));
      if (!scan.could()) {
        assertThat(ByteByByteScan.mayChange(seen, colon, equals)).isFalse();
      }
    }
  }

  @Test
  void theWholeTestPassesNumbersAndKeepsWhatOnlyLinesCanTell() {
    List<String> colon = List.of("token", "authorization");
    List<String> equals = List.of("token", "secret", "passw", "key");
    byte[] numbers = bytes("record 00000001 value=0000000000007919\n".repeat(100));
    assertThat(RedactionScan.wholeCould(numbers, numbers.length, colon, equals)).isFalse();
    // A keyword and a separator on different lines: only the line by line scan rules it out.
    byte[] apart = bytes("key and\n= on separate lines\n");
    assertThat(RedactionScan.wholeCould(apart, apart.length, colon, equals)).isTrue();
    assertThat(scan("key and\n= on separate lines\n", colon, equals)).isFalse();
  }

  /** The scan as it was before it read words: per line, per byte, obviously right. */
  private static final class ByteByByteScan {
    static boolean mayChange(
        byte[] bytes, List<String> colonKeywords, List<String> equalsKeywords) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      for (String line : text.split("\n", -1)) {
        boolean nonAscii = line.chars().anyMatch(c -> c >= 128);
        if ((line.contains(":") && (nonAscii || hasKeyword(line, colonKeywords)))
            || (line.contains("=") && (nonAscii || hasKeyword(line, equalsKeywords)))) {
          return true;
        }
      }
      return false;
    }

    private static boolean hasKeyword(String line, List<String> keywords) {
      String lower = line.toLowerCase(Locale.ROOT);
      return keywords.stream().anyMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)));
    }
  }

  @Provide
  Arbitrary<byte[]> longTexts() {
    Arbitrary<String> parts =
        Arbitraries.of(
            "record 00000001 value=0123456789",
            "name: x",
            "token",
            "Passwd",
            "KEY",
            "X-Internal",
            "_odd",
            "9lives",
            "=",
            ":",
            "\n",
            "\n\n",
            "a",
            "abcdefg",
            "T",
            "\u00e9",
            "\u212a",
            "\u0000",
            "\u0014",
            "{[@`");
    Arbitrary<byte[]> text = parts.list().ofMaxSize(40).map(p -> bytes(String.join("", p)));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(70);
    Arbitrary<byte[]> ascii =
        Arbitraries.bytes().between((byte) 0, (byte) 127).array(byte[].class).ofMaxSize(70);
    return Arbitraries.oneOf(text, text, raw, ascii);
  }

  @Provide
  Arbitrary<List<String>> keywords() {
    return Arbitraries.of(
            "token",
            "secret",
            "passw",
            "key",
            "x-internal",
            "Authorization",
            "_odd",
            "9lives",
            "t",
            "")
        .list()
        .ofMaxSize(4);
  }

  @Test
  void plainOutputIsPassedAndKeywordLinesAreNot() {
    List<String> colon = List.of("token", "authorization");
    List<String> equals = List.of("token", "secret", "passw", "key");
    assertThat(scan("record 00000001 value=0123456789 name=000001\nx: y\n", colon, equals))
        .isFalse();
    assertThat(scan("a\nAuthorization: Bearer x\n", colon, equals)).isTrue();
    assertThat(scan("API_KEY=abc\n", colon, equals)).isTrue();
    assertThat(scan("api key: none, = later\n", List.of(), equals)).isTrue();
    assertThat(scan("k=\u212Aey\n", colon, List.of("kelvin"))).isTrue();
    assertThat(scan("key and = on\nseparate lines\n", colon, equals)).isTrue();
    assertThat(scan("key and\n= on separate lines\n", colon, equals)).isFalse();
    assertThat(RedactionScan.mayChange(bytes("x s3cr3t-value y"), colon, equals, List.of("s3cr3t")))
        .isTrue();
  }

  @Provide
  Arbitrary<byte[]> texts() {
    Arbitrary<String> parts =
        Arbitraries.of(
            "token",
            "TOKEN",
            "Secret",
            "passwd",
            "api_key",
            "apiKey",
            "KEY",
            "Authorization",
            "X-Internal",
            "s3cr3t-value",
            "s3cr3t",
            "=",
            ":",
            " ",
            "\n",
            "\r",
            "?",
            "&",
            "a",
            "value",
            "0",
            "é",
            "\u212a",
            "\u017f",
            "<redacted ");
    Arbitrary<byte[]> text = parts.list().ofMaxSize(30).map(p -> bytes(String.join("", p)));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    return Arbitraries.oneOf(text, text, raw);
  }

  private static boolean scan(String text, List<String> colon, List<String> equals) {
    return RedactionScan.mayChange(bytes(text), colon, equals, List.of());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Observation observation(byte[] stdout) {
    return Observation.ofCommand(0, Optional.empty(), stdout, new byte[0], Map.of(), Duration.ZERO);
  }
}
