package dev.parity.golden;

import static dev.parity.golden.GoldenStore.META_YAML;

import dev.parity.golden.GoldenFiles.Meta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Parses golden {@code meta.yaml} files, remembering the last parses by the files' exact bytes.
 *
 * <p>Parsing a meta.yaml with the YAML library was about a third of the Java time a passing case
 * costs in {@code verify}; a resident JVM (docs/daemon.md) reads the same files run after run. The
 * key is the whole content, never a path, size or time stamp, so a file that changed in any byte is
 * parsed again: what a read returns is always what parsing these bytes returns. A parse that fails
 * is never remembered (it is reported again with its place), and what is remembered cannot be
 * changed by a caller.
 */
final class MetaParses {
  /** About 3 MiB of keys and parses at the size Parity writes (200-400 bytes a file). */
  static final int REMEMBERED = 8192;

  /** Larger files (only a hand-made one) are parsed from the file and not remembered. */
  static final long LARGEST_REMEMBERED = 64 * 1024;

  private static final Map<ByteBuffer, Meta> RECENT =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Meta> eldest) {
          return size() > REMEMBERED;
        }
      };

  private MetaParses() {}

  /** What {@code META_YAML.readValue(file, Meta.class)} returns, unmodifiable. */
  static @Nullable Meta read(Path file) throws IOException {
    byte[] content;
    try (InputStream in = Files.newInputStream(file)) {
      content = in.readNBytes((int) LARGEST_REMEMBERED + 1);
    }
    if (content.length > LARGEST_REMEMBERED) {
      return frozen(META_YAML.readValue(file.toFile(), Meta.class));
    }
    return remembered(content);
  }

  /** What {@code META_YAML.readValue(content, Meta.class)} returns, unmodifiable. */
  static @Nullable Meta parse(byte[] content) throws IOException {
    return remembered(content.clone());
  }

  /** {@link #parse} of an array no one else holds, which becomes the key. */
  private static @Nullable Meta remembered(byte[] content) throws IOException {
    ByteBuffer key = ByteBuffer.wrap(content);
    synchronized (RECENT) {
      Meta known = RECENT.get(key);
      if (known != null) {
        return known;
      }
    }
    Meta parsed = frozen(META_YAML.readValue(content, Meta.class));
    if (parsed != null) {
      synchronized (RECENT) {
        RECENT.put(key, parsed);
      }
    }
    return parsed;
  }

  /** How many parses are remembered now (for tests). */
  static int remembered() {
    synchronized (RECENT) {
      return RECENT.size();
    }
  }

  private static @Nullable Meta frozen(@Nullable Meta meta) {
    if (meta == null) {
      return null;
    }
    return new Meta(
        meta.id(),
        frozen(meta.values()),
        meta.streams() == null
            ? null
            : Collections.unmodifiableList(new ArrayList<>(meta.streams())),
        frozen(meta.sha256()),
        meta.golden());
  }

  private static @Nullable SortedMap<String, String> frozen(
      @Nullable SortedMap<String, String> map) {
    return map == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
