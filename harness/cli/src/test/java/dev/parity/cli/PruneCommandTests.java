package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code parity prune} lists goldens whose case is gone and deletes them on --yes. */
class PruneCommandTests {
  @TempDir Path root;

  private static final String TWO_CASES =
      """
      name: tool
      legacy:
        command: [sh, "{suite}/legacy.sh"]
      candidate:
        command: [sh, "{suite}/legacy.sh"]
      cases:
        - id: keep
        - id: gone/old
          args: [old]
      """;

  /** A suite recorded with two cases, then one removed from suite.yaml. */
  private TempSuite suiteWithAnOrphan() {
    TempSuite suite =
        TempSuite.in(root, "tool").suiteYaml(TWO_CASES).script("legacy.sh", "echo \"hi $1\"\n");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();
    return suite.suiteYaml(TWO_CASES.replace("  - id: gone/old\n    args: [old]\n", ""));
  }

  @Test
  void listsAndDeletesOrphanGoldensWithYes() {
    TempSuite suite = suiteWithAnOrphan();

    Cli prune = Cli.run("prune", suite.folder().toString(), "--yes");

    assertThat(prune.exitCode()).as(prune.err()).isZero();
    assertThat(prune.out())
        .contains(
            "1 golden has no case in the suite any more (deleted or renamed?), in "
                + suite.golden()
                + ":\n  gone/old\n",
            "Deleted 1 golden.");
    assertThat(suite.golden().resolve("gone/old")).doesNotExist();
    assertThat(suite.golden().resolve("keep/stdout")).hasContent("hi ");
  }

  @Test
  void refusesWithoutYesWhenNotInteractiveAndDeletesNothing() {
    TempSuite suite = suiteWithAnOrphan();

    Cli prune = Cli.run("prune", suite.folder().toString());

    assertThat(prune.exitCode()).isEqualTo(2);
    assertThat(prune.out()).contains("  gone/old\n");
    assertThat(prune.err())
        .contains("not deleting without --yes: there is no terminal to ask on", "--yes");
    assertThat(suite.golden().resolve("gone/old/stdout")).hasContent("hi old");
  }

  @Test
  void saysSoWhenNothingIsOrphaned() {
    TempSuite suite =
        TempSuite.in(root, "tool").suiteYaml(TWO_CASES).script("legacy.sh", "echo \"hi $1\"\n");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();

    Cli prune = Cli.run("prune", suite.folder().toString());

    assertThat(prune.exitCode()).isZero();
    assertThat(prune.out()).contains("No orphan goldens in " + suite.golden());
    assertThat(suite.golden().resolve("gone/old/stdout")).exists();
  }
}
