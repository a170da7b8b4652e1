package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VersionTests {
  @Test
  void versionIsAnsweredWithPicoclisTextWithoutBuildingTheCommands() {
    StringWriter picocli = new StringWriter();
    new CommandLine(new ParityCommand()).printVersionHelp(new PrintWriter(picocli, true));

    for (String option : new String[] {"--version", "-V"}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = ParityCommand.execute(new PrintWriter(out), new PrintWriter(err), option);

      assertThat(exit).isZero();
      assertThat(out.toString()).isEqualTo(picocli.toString()).startsWith("parity ");
      assertThat(err.toString()).isEmpty();
    }
  }
}
