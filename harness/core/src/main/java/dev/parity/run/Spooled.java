package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A stream too large to hold in memory, kept byte for byte in a file on disk: a spool file of the
 * run (deleted when its case is done, see {@link Spool}) or a link to a golden's stream file.
 *
 * @param file where the bytes are
 * @param size how many bytes
 */
public record Spooled(Path file, long size) {
  public Spooled {
    Objects.requireNonNull(file, "file");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
  }

  /** The bytes, from the first. */
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }
}
