package dev.parity.run;

import dev.parity.fixture.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private StreamContent() {}

  /** Whether the bytes are valid UTF-8, decoded in small pieces (no copy of a large output). */
  public static boolean isUtf8(byte[] bytes) {
    // An ASCII prefix is valid as it is: checked eight bytes at a time, and only the rest (from
    // its first non-ASCII byte, which starts a character) decoded. Most outputs are ASCII, and
    // decoding 45 MB to check it took longer than the line diff's split.
    int from = firstNonAscii(bytes);
    if (from == bytes.length) {
      return true;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
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

  /** The index of the first byte with its high bit set, or the length. */
  static int firstNonAscii(byte[] bytes) {
    int i = 0;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
      if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
        break;
      }
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return i;
      }
    }
    return i;
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
