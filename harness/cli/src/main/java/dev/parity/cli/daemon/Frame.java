package dev.parity.cli.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * One message between {@code parity-client} and the daemon: a type byte, the payload's length as
 * four bytes big-endian, the payload. From the client: {@code C} (its context), {@code A} (the
 * arguments, each ended by a NUL), {@code G} (go: the answer to a {@code K}, after which the run
 * starts; a client that gave up waiting for the {@code K} never sends it), {@code S} (a signal
 * number). From the daemon: {@code K} (the run is taken), {@code B} (busy), {@code M} (another
 * context, or a daemon that cannot stand for the client's JVM), {@code O} and {@code E} (standard
 * output and error), {@code X} (the exit code).
 */
record Frame(char type, byte[] payload) {
  static final int HEAD = 5;

  Frame {
    payload = payload.clone();
  }

  static Frame of(char type) {
    return new Frame(type, new byte[0]);
  }

  static Frame ofInt(char type, int value) {
    return new Frame(type, ByteBuffer.allocate(4).putInt(value).array());
  }

  /** The payload as the int of an {@code S} or {@code X} frame. */
  int intValue() throws IOException {
    if (payload.length != 4) {
      throw new IOException("a '" + type + "' frame of " + payload.length + " bytes, not 4");
    }
    return ByteBuffer.wrap(payload).getInt();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** Writes this frame whole; callers that share the channel hold their common lock. */
  void writeTo(SocketChannel channel) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(HEAD + payload.length);
    bytes.put((byte) type).putInt(payload.length).put(payload).flip();
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /**
   * The next frame, empty at the end of the stream before a frame starts.
   *
   * @throws IOException on a frame cut short or one longer than {@code limit} bytes
   */
  static Optional<Frame> readFrom(SocketChannel channel, int limit) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(HEAD);
    if (!fill(channel, head)) {
      if (head.position() == 0) {
        return Optional.empty();
      }
      throw new IOException("a frame cut short");
    }
    char type = (char) (head.get(0) & 0xff);
    int length = head.getInt(1);
    if (length < 0 || length > limit) {
      throw new IOException("a '" + type + "' frame of " + length + " bytes");
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    if (!fill(channel, payload)) {
      throw new IOException("a frame cut short");
    }
    return Optional.of(new Frame(type, payload.array()));
  }

  private static boolean fill(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        return false;
      }
    }
    return true;
  }
}
