package dev.parity.golden;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * One digest of the goldens that a run over some cases reads: each case's golden {@link
 * GoldenFiles#state state} and its accepted difference. Two runs that judged their cases against
 * the same goldens have the same digest, whatever the line ends of their checkout; a golden
 * recorded, accepted, replaced or edited in between changes it.
 */
final class GoldenStates {
  private GoldenStates() {}

  static String of(Path folder, Collection<String> caseIds) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (String id : new TreeSet<>(caseIds)) {
      Path dir = folder.resolve(id);
      String line = id + "\n" + GoldenFiles.state(dir) + "\n" + AcceptedFiles.state(dir) + "\n";
      sha.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
