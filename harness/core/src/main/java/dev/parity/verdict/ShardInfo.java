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
 * @param inputs what the shard judged its cases by, the same in every shard of one run
 */
@JsonPropertyOrder({"index", "count", "parity", "command", "total", "digest", "inputs", "cases"})
public record ShardInfo(
    int index,
    int count,
    String parity,
    String command,
    int total,
    String digest,
    List<String> cases,
    Inputs inputs) {

  /** What no verdict.json of a shard says (one written before shards named their inputs). */
  public static final String UNKNOWN = "(not recorded)";

  /**
   * What a shard's cases were judged by besides the cases themselves: shards of one run judged by
   * the same, and a merge refuses shards that were not (a stale shard of an earlier run beside
   * fresh ones would decide for cases nobody ran against this candidate and these goldens).
   *
   * @param suite the SHA-256 of the suite's definition (suite.yaml and its case files)
   * @param goldens the SHA-256 of the goldens (and accepted differences) of every case the whole
   *     run selects, or {@code none} when the run reads no golden (record, compare)
   * @param candidateVersion {@code --candidate-version}, or {@code none}
   * @param strict whether {@code --strict} was on
   */
  @JsonPropertyOrder({"suite", "goldens", "candidateVersion", "strict"})
  public record Inputs(String suite, String goldens, String candidateVersion, boolean strict) {
    /** What a run that reads no golden or has no candidate version writes for them. */
    public static final String NONE = "none";

    public Inputs {
      suite = Objects.requireNonNullElse(suite, UNKNOWN);
      goldens = Objects.requireNonNullElse(goldens, UNKNOWN);
      candidateVersion = Objects.requireNonNullElse(candidateVersion, UNKNOWN);
    }
  }

  public ShardInfo {
    Objects.requireNonNull(parity, "parity");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(digest, "digest");
    cases = cases.stream().sorted().toList();
    inputs = Objects.requireNonNullElse(inputs, new Inputs(UNKNOWN, UNKNOWN, UNKNOWN, false));
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
