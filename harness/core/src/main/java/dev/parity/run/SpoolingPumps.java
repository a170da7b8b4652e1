package dev.parity.run;

import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.StreamPumper;
import org.jspecify.annotations.Nullable;

/**
 * Commons Exec's stream handler with pumps that read a program's stdout and stderr 64 KiB at a time
 * (a pipe's default capacity) instead of its 1 KiB: an output of a gigabyte took a million reads
 * and writes of 1 KiB, each a call into the spool, where 64 KiB reads take one read call per
 * pipeful.
 */
final class SpoolingPumps extends PumpStreamHandler {
  static final int READ_SIZE = 64 * 1024;

  SpoolingPumps(OutputStream out, OutputStream err, @Nullable InputStream input) {
    super(out, err, input);
  }

  @Override
  protected Thread createPump(InputStream is, OutputStream os, boolean closeWhenExhausted) {
    Thread pump =
        new Thread(
            new StreamPumper(is, os, closeWhenExhausted, READ_SIZE), "CommonsExecStreamPumper");
    pump.setDaemon(true);
    return pump;
  }
}
