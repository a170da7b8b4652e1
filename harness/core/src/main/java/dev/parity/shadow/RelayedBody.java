package dev.parity.shadow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;

/**
 * Legacy's answer body as the client's answer: streamed to the client as it arrives when the server
 * writes the answer, with a copy kept for comparison. Its length is legacy's ({@code
 * Content-Length}), or unknown and sent chunked, as legacy sent it; nothing is sent of it for a
 * HEAD request, whose answer still says that length.
 */
final class RelayedBody implements HttpEntity {
  private final @Nullable HttpEntity legacy;
  private final long length;
  private Optional<byte[]> kept = Optional.of(new byte[0]);

  /** Legacy's {@code body} (none for an answer without one) of {@code length} bytes, or -1. */
  RelayedBody(@Nullable HttpEntity body, long length) {
    this.legacy = body;
    this.length = length;
  }

  /** What the client was sent: empty when nothing was, absent when too large to keep. */
  Optional<byte[]> kept() {
    return kept;
  }

  @Override
  public void writeTo(OutputStream client) throws IOException {
    // Closing legacy's stream reads it to its end, so that its connection is used again.
    try (InputStream in = legacy == null ? InputStream.nullInputStream() : legacy.getContent()) {
      kept =
          length >= 0 && length <= ShadowSettings.MAX_BODY_BYTES
              ? relayKnown(in, client, (int) length)
              : relay(in, client);
    }
  }

  /**
   * Streams a body of a known length to the client, read straight into the copy kept: one array of
   * the body's size per request (a buffer plus a growing copy made most of the proxy's garbage).
   */
  private static Optional<byte[]> relayKnown(InputStream in, OutputStream client, int length)
      throws IOException {
    byte[] copy = new byte[length];
    int at = 0;
    int read;
    while (at < length && (read = in.read(copy, at, length - at)) >= 0) {
      client.write(copy, at, read);
      at += read;
    }
    // Legacy closed early: the client got what legacy sent, and that is compared.
    return Optional.of(at == length ? copy : Arrays.copyOf(copy, at));
  }

  /** Streams a body of unknown length, keeping a copy up to the cap. */
  private static Optional<byte[]> relay(InputStream in, OutputStream client) throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    boolean keep = true;
    byte[] buffer = new byte[8 * 1024];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      client.write(buffer, 0, read);
      if (keep && copy.size() + read <= ShadowSettings.MAX_BODY_BYTES) {
        copy.write(buffer, 0, read);
      } else {
        keep = false;
      }
    }
    return keep ? Optional.of(copy.toByteArray()) : Optional.empty();
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public boolean isChunked() {
    return length < 0;
  }

  @Override
  public @Nullable String getContentType() {
    return null; // legacy's Content-Type header is relayed as it was
  }

  @Override
  public @Nullable String getContentEncoding() {
    return null; // likewise
  }

  @Override
  public Set<String> getTrailerNames() {
    return Set.of();
  }

  @Override
  public @Nullable Supplier<List<? extends Header>> getTrailers() {
    return null;
  }

  @Override
  public boolean isRepeatable() {
    return false;
  }

  @Override
  public boolean isStreaming() {
    return true;
  }

  @Override
  public InputStream getContent() {
    throw new UnsupportedOperationException("relayed to the client by writeTo only");
  }

  @Override
  public void close() {
    // Legacy's response is closed by the exchange once the answer is sent or has failed.
  }
}
