package dev.parity.cli.review;

import java.io.IOException;
import java.util.Optional;

/** Asks the reviewer for one line of text. */
public interface Prompter {
  /**
   * The line typed after {@code question}, stripped; empty when the reviewer cancelled (Escape,
   * Ctrl-C) or the terminal went away.
   */
  Optional<String> ask(String question) throws IOException;
}
