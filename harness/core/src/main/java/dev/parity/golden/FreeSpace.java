package dev.parity.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes can still be written in a folder (tests simulate a full disk). */
public interface FreeSpace {
  FreeSpace DISK = dir -> Files.getFileStore(dir).getUsableSpace();

  long usable(Path dir) throws IOException;
}
