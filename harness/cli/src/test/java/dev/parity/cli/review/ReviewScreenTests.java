package dev.parity.cli.review;

import static dev.parity.cli.review.ReviewSessionTests.answers;
import static dev.parity.cli.review.ReviewSessionTests.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Side;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class ReviewScreenTests {
  private static ReviewSession session(ReviewItem... items) {
    return new ReviewSession(
        List.of(items), new ReviewSessionTests.Recorded(), "ann", Clock.systemUTC());
  }

  private static String text(List<AttributedString> lines) {
    return lines.stream().map(AttributedString::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void showsTheCaseTheFactsAndAColoredUnifiedDiffWhenNarrow() {
    ReviewSession session =
        session(item("search/name", Side.LEGACY, Optional.of("c1"), "Ann\n", "ann\n"));

    List<AttributedString> lines = ReviewScreen.render("genealogy", session, 80, 40);

    assertThat(text(lines))
        .contains("case 1 of 1", "search/name", "[normalized, unified]", "cluster c1")
        .contains("accepting replaces the golden")
        .contains("stdout: 1 line removed, 1 line added")
        .contains("--- golden/stdout", "+++ new legacy run/stdout", "-Ann", "+ann")
        .contains(ReviewScreen.KEYS);
    AttributedString removed =
        lines.stream().filter(l -> l.toString().equals("-Ann")).findFirst().orElseThrow();
    assertThat(removed.styleAt(0))
        .isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
  }

  @Test
  void showsBothSidesInColumnsWhenWideEnough() throws IOException {
    ReviewSession session =
        session(item("a", Side.CANDIDATE, Optional.empty(), "same\nAnn\n", "same\nann\n"));

    String wide = text(ReviewScreen.render("s", session, 120, 40));
    assertThat(wide).contains("[normalized, side by side]").contains("accepted difference");
    assertThat(wide.lines().filter(l -> l.startsWith("golden/stdout")).findFirst().orElseThrow())
        .contains("| candidate/stdout");
    assertThat(wide.lines().filter(l -> l.startsWith("Ann")).findFirst().orElseThrow())
        .contains(" * ann");

    session.press('u', answers());
    assertThat(text(ReviewScreen.render("s", session, 120, 40))).contains("+ann");
  }

  @Test
  void controlCharactersFromOutputsAreShownNotSentToTheTerminal() {
    ReviewSession session =
        session(item("a", Side.LEGACY, Optional.empty(), "x\n", "\u001b[2Jgone\n"));

    for (int width : new int[] {80, 120}) {
      String screen = text(ReviewScreen.render("s", session, width, 40));
      assertThat(screen).doesNotContain("\u001b").contains("\\x1b[2Jgone");
    }
  }

  @Test
  void aLongDiffIsCutToTheScreenUntilDetailIsOn() throws IOException {
    String many =
        IntStream.range(0, 200).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    ReviewSession session =
        session(item("a", Side.LEGACY, Optional.empty(), many, many.toUpperCase()));

    List<AttributedString> cut = ReviewScreen.render("s", session, 80, 30);
    assertThat(cut.size()).isLessThanOrEqualTo(30);
    assertThat(text(cut)).contains("more lines: press d for all of them");

    session.press('d', answers());
    assertThat(text(ReviewScreen.render("s", session, 80, 30))).contains("+LINE 199");
  }

  @Test
  void saysWhenNothingIsLeft() throws IOException {
    ReviewSession session = session(item("a", Side.LEGACY, Optional.empty(), "x\n", "y\n"));
    session.press('s', answers());

    assertThat(text(ReviewScreen.render("s", session, 80, 30))).contains("nothing left to review");
  }
}
