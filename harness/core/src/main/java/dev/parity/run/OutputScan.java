package dev.parity.run;

/**
 * Sees the bytes of an output that is kept on disk as they are written to it, so that work which
 * must read every byte (the redaction scan) needs no second pass over the file once the run is
 * over, and runs on the pump's thread beside the spool's writer (issue 13, docs/benchmarks.md,
 * sixth pass).
 */
public interface OutputScan {
  /** The next {@code length} bytes of the output, from {@code offset} of {@code bytes}. */
  void accept(byte[] bytes, int offset, int length);

  /**
   * Whether the scan can take the next {@code length} bytes as seen without being shown them,
   * knowing that they are the bytes at the same offsets of {@code reference} (compared byte for
   * byte as they arrived, see {@link Reference}): a scan that knows what a scan of the whole
   * reference found can answer for them from it, so a stream equal to legacy's is not scanned a
   * second time (issue 13, docs/benchmarks.md, eighth pass). False by default: they must then be
   * shown to {@link #accept}, in order.
   */
  default boolean skip(Spooled reference, long length) {
    return false;
  }

  /** The scans of one run's outputs, by stream name ({@link Observation#STDOUT}, ...). */
  interface Factory {
    /** Sees nothing: no output is scanned. */
    Factory NONE = stream -> NoScan.INSTANCE;

    /** The scan of {@code stream}; it sees every byte of it, in order, if the stream is spooled. */
    OutputScan forStream(String stream);
  }

  /** The scan of {@link Factory#NONE}. */
  enum NoScan implements OutputScan {
    INSTANCE;

    @Override
    public void accept(byte[] bytes, int offset, int length) {}
  }
}
