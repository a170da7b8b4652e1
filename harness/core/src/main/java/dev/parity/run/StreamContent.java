package dev.parity.run;

import dev.parity.fixture.Utf8;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the bytes of a stream are read as text; the one home for it, shared by normalization,
 * diffing, noise and reports.
 */
public final class StreamContent {
  private StreamContent() {}

  /** Whether the bytes are valid UTF-8, decoded in small pieces (no copy of a large output). */
  public static boolean isUtf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return !decoder.flush(out).isError();
      }
      out.clear();
    }
  }

  /** UTF-8 with U+FFFD for every invalid sequence, for showing bytes that may not be text. */
  public static String lenientUtf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Binary means a NUL byte in the first 8 KiB, as git and GNU diff decide. */
  public static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8192);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Text that is neither binary nor invalid UTF-8, else empty. */
  public static Optional<String> text(byte[] bytes) {
    return looksBinary(bytes) ? Optional.empty() : Utf8.strict(bytes);
  }
}
