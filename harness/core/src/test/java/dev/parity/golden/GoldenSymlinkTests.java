package dev.parity.golden;

import static dev.parity.testing.Observations.command;
import static dev.parity.testing.Observations.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Goldens are never written through a symbolic link below the golden folder. */
class GoldenSymlinkTests {
  @TempDir Path root;

  @Test
  void refusesASymlinkedCaseFolderNamingItAndTouchesNothingOutside() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("stdout"), "precious");
    Path golden = Files.createDirectories(root.resolve("golden"));
    Files.createSymbolicLink(golden.resolve("a"), outside);
    GoldenStore store = new GoldenStore(golden);

    assertThatThrownBy(() -> store.write("a", command(0, "x", ""), true))
        .isInstanceOf(GoldenException.class)
        .hasMessage(
            golden.resolve("a")
                + ": is a symbolic link (to "
                + outside
                + "); parity never writes goldens through a link; replace it with a real folder"
                + " or file (e.g. `rm` the link and record again)");
    assertThat(outside.resolve("stdout")).hasContent("precious");
    assertThat(outside).isDirectoryNotContaining(p -> !p.getFileName().toString().equals("stdout"));
  }

  @Test
  void refusesASymlinkedFilesFolderOfAnotherCase() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Path golden = root.resolve("golden");
    GoldenStore store = new GoldenStore(golden);
    store.write("b", command(0, "x", ""), false);
    Files.createSymbolicLink(golden.resolve("b/files"), outside);

    assertThatThrownBy(store::lock)
        .isInstanceOf(GoldenException.class)
        .hasMessageStartingWith(golden.resolve("b/files") + ": is a symbolic link");
    assertThat(golden.resolve(GoldenLock.FILE)).as("released").doesNotExist();
  }

  @Test
  void refusesALinkAppearingOnTheWayWhileLocked() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Path golden = root.resolve("golden");
    GoldenStore store = new GoldenStore(golden);
    try (GoldenStore.Lock held = store.lock()) {
      Files.createSymbolicLink(golden.resolve("x"), outside);

      assertThatThrownBy(
              () -> store.write("x/a", command(0, "", "", Map.of("f", utf8("f"))), false))
          .isInstanceOf(GoldenException.class)
          .hasMessageStartingWith(golden.resolve("x") + ": is a symbolic link");
    }
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void aLinkedGoldenFolderItselfIsAllowed() throws Exception {
    Path elsewhere = Files.createDirectories(root.resolve("disk/golden"));
    Path golden = Files.createSymbolicLink(root.resolve("golden"), elsewhere);

    new GoldenStore(golden).write("a", command(0, "x", ""), false);

    assertThat(elsewhere.resolve("a/stdout")).hasContent("x");
  }
}
