package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a sharded run ({@code --shard K/N}) was a part of, written in its verdict.json so that
 * {@code parity merge} can check that its shards belong together and cover the suite exactly once.
 *
 * @param index K, from 1
 * @param count N
 * @param parity the Parity version that ran it (shards of different versions are not merged)
 * @param command the command that ran it ({@code record}, {@code verify}, {@code compare}, {@code
 *     gate})
 * @param total how many cases the whole run selects, over every shard
 * @param digest the SHA-256 of the sorted ids of every selected case, over every shard ({@link
 *     #digestOf})
 * @param cases the ids of the cases this shard ran, sorted
 */
@JsonPropertyOrder({"index", "count", "parity", "command", "total", "digest", "cases"})
public record ShardInfo(
    int index,
    int count,
    String parity,
    String command,
    int total,
    String digest,
    List<String> cases) {

  public ShardInfo {
    Objects.requireNonNull(parity, "parity");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(digest, "digest");
    cases = cases.stream().sorted().toList();
  }

  /** {@code K/N}. */
  public String label() {
    return index + "/" + count;
  }

  /** The SHA-256 (hex) of the sorted ids, one per line: the same set gives the same digest. */
  public static String digestOf(List<String> ids) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String id : ids.stream().sorted().toList()) {
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
