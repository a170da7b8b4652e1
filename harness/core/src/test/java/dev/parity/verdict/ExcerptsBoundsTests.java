package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where Excerpts cuts, to the byte, and how its note states sizes. */
class ExcerptsBoundsTests {
  @Test
  void aTextOfExactlyTheBoundIsKept() {
    String text = "a".repeat(1024);

    assertThat(Excerpts.cap(text, 1024, "c")).isSameAs(text);
    assertThat(Excerpts.cap(text + "a", 1024, "c")).isNotEqualTo(text + "a");
  }

  @Test
  void aCutTextWithItsNoteFillsTheBoundExactly() {
    String cut = Excerpts.cap("a".repeat(5000), 1024, "c");

    assertThat(Excerpts.utf8Length(cut)).isEqualTo(1024);
    assertThat(cut).endsWith("\n[parity: cut at 1 KiB of 4 KiB; full output in observations/c/]\n");
  }

  @Test
  void neverExceedsTheBoundWithTwoAndThreeByteCharacters() {
    for (String c : new String[] {"\u0080", "\u07ff", "\u0800", "\uffff", "\ud83d\ude00"}) {
      String cut = Excerpts.cap(c.repeat(2000), 1024, "c");

      assertThat(Excerpts.utf8Length(cut)).as("U+%04X", c.codePointAt(0)).isBetween(1021L, 1024L);
    }
  }

  @Test
  void theNoteSaysBytesBelowAKibibyteKibibytesBelowAMebibyteAndMebibytesAbove() {
    assertThat(Excerpts.note(1023, 1024, "a/b"))
        .isEqualTo("[parity: cut at 1023 bytes of 1 KiB; full output in observations/a/b/]");
    assertThat(Excerpts.note(1024 * 1024 - 1, 1024 * 1024, "c"))
        .isEqualTo("[parity: cut at 1023 KiB of 1.0 MiB; full output in observations/c/]");
    assertThat(Excerpts.note(64 * 1024, 1536 * 1024, "c"))
        .isEqualTo("[parity: cut at 64 KiB of 1.5 MiB; full output in observations/c/]");
  }
}
