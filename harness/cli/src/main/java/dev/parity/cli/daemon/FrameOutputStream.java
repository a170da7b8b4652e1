package dev.parity.cli.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/** Bytes written become frames of one type ({@code O} or {@code E}) on the client's channel. */
final class FrameOutputStream extends OutputStream {
  private final SocketChannel channel;
  private final Object lock;
  private final char type;

  /**
   * Writes {@code type} frames to {@code channel}, holding {@code lock}, which all writers share.
   */
  FrameOutputStream(SocketChannel channel, Object lock, char type) {
    this.channel = channel;
    this.lock = lock;
    this.type = type;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return;
    }
    Frame frame = new Frame(type, Arrays.copyOfRange(bytes, offset, offset + length));
    synchronized (lock) {
      frame.writeTo(channel);
    }
  }
}
