package dev.parity.normalize;

import dev.parity.run.Spool;

/**
 * A rule applies to a stream larger than the in-memory limit: rules work on a stream's whole text
 * in memory, so such a stream cannot be normalized, and comparing it raw would not be what the
 * suite asked for. The case is an error, never a pass.
 */
public final class SpooledStreamException extends NormalizationException {
  private static final long serialVersionUID = 1L;

  SpooledStreamException(String stream, long size, String rule) {
    super(
        "rule ["
            + rule
            + "] applies to "
            + stream
            + ", whose "
            + size
            + " bytes are over the in-memory limit of "
            + Spool.memoryLimit()
            + " bytes: rules need the whole output in memory, so this case cannot be compared"
            + " as the suite says; limit the rule's streams so it leaves "
            + stream
            + " out, or raise the limit with -D"
            + Spool.LIMIT_PROPERTY
            + "=<bytes> in JAVA_TOOL_OPTIONS (the outputs must then fit in the heap)");
  }
}
