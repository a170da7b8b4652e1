package dev.parity.golden;

import static dev.parity.testing.Observations.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per golden folder; the CLI tests check it across real processes. */
class GoldenLockTests {
  @TempDir Path folder;

  @Test
  void aSecondWriterIsRefusedNamingTheHolderAndTheLockFile() {
    GoldenStore first = new GoldenStore(folder);
    GoldenStore second = new GoldenStore(folder);
    try (GoldenStore.Lock held = first.lock()) {
      assertThat(folder.resolve(GoldenLock.FILE))
          .content()
          .startsWith(ProcessHandle.current().pid() + "\n");

      assertThatThrownBy(second::lock)
          .isInstanceOf(GoldenException.class)
          .hasMessage(
              folder
                  + ": the goldens are being written by this process (pid "
                  + ProcessHandle.current().pid()
                  + "), which holds the lock file "
                  + folder.resolve(GoldenLock.FILE)
                  + "; wait until that `parity record` ends and run again (the lock is released"
                  + " when its process ends, even if it is killed)");
      assertThatThrownBy(() -> second.write("a", command(0, "x", ""), false))
          .isInstanceOf(GoldenException.class);
    }
    assertThat(folder.resolve(GoldenLock.FILE)).as("removed on release").doesNotExist();
    try (GoldenStore.Lock taken = second.lock()) {
      assertThat(folder.resolve(GoldenLock.FILE)).exists();
    }
  }

  @Test
  void aLockFileLeftByADeadProcessIsTakenOver() throws Exception {
    Files.writeString(folder.resolve(GoldenLock.FILE), "999999999\n");
    GoldenStore store = new GoldenStore(folder);

    assertThat(store.write("a", command(0, "x", ""), false))
        .isEqualTo(GoldenStore.WriteResult.CREATED);
    assertThat(folder.resolve(GoldenLock.FILE)).doesNotExist();
  }

  @Test
  void theLockIsHeldForTheWholeRecordNotPerWrite() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    try (GoldenStore.Lock held = store.lock()) {
      store.write("a", command(0, "x", ""), false);
      store.write("b", command(0, "y", ""), false);
      assertThat(folder.resolve(GoldenLock.FILE)).as("still held between writes").exists();
    }
    assertThat(folder.resolve(GoldenLock.FILE)).doesNotExist();
  }
}
