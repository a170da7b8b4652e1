package dev.parity.cluster;

import static dev.parity.cluster.MismatchesForTests.command;
import static dev.parity.cluster.MismatchesForTests.http;
import static dev.parity.cluster.MismatchesForTests.stdout;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangesTests {
  private static List<String> keys(Mismatch mismatch) {
    return Changes.of(mismatch).stream().map(Change::key).toList();
  }

  @Test
  void aLineThatDiffersInLetterCaseOnlyIsALetterCaseChange() {
    assertThat(keys(stdout("a", "x\nHello World\ny\n", "x\nhello world\ny\n")))
        .containsExactly("stdout: letter case");
  }

  @Test
  void whitespaceQuotingAndNumberFormattingAreClassesOfTheirOwn() {
    assertThat(keys(stdout("a", "a  b\n", "a b\n"))).containsExactly("stdout: whitespace");
    assertThat(keys(stdout("a", "name \"x\"\n", "name 'x'\n"))).containsExactly("stdout: quoting");
    assertThat(keys(stdout("a", "the,12\n", "the,12.0\n")))
        .containsExactly("stdout: number formatting");
    assertThat(Changes.of(stdout("a", "n 1e+17\n", "n 100000000000000000\n")))
        .extracting(Change::name)
        .containsExactly("stdout: number formatting (`1e+17` -> `100000000000000000`)");
  }

  @Test
  void aChangedNumberIsKeyedByItsLineWithNumbersMasked() {
    assertThat(keys(stdout("a", "x\n3 matches\n", "x\n0 matches\n")))
        .containsExactly("stdout: number changed in `<n> matches`");
    assertThat(keys(stdout("b", "y\n15 matches\n", "y\n1 matches\n")))
        .containsExactly("stdout: number changed in `<n> matches`");
  }

  @Test
  void linesMissingAtTheStartOfTheOutputAndALowerCountAreTwoChanges() {
    // The demo's porting bug: the search finds nothing, so the matches and the count differ.
    Mismatch upper =
        stdout(
            "upper",
            "@I20@ BLANC, Georges (1874-1940)\n@I21@ BLANC, Jean (1906-1999)\n3 matches\n",
            "0 matches\n");

    assertThat(keys(upper))
        .containsExactly(
            "stdout: lines removed at start", "stdout: number changed in `<n> matches`");
  }

  @Test
  void linesAddedOrRemovedAtTheEndOrInTheMiddleSayWhere() {
    assertThat(keys(stdout("a", "a\nb\n", "a\nb\n\n")))
        .containsExactly("stdout: blank line added at end");
    assertThat(keys(stdout("a", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nX Y Z\ne\nf\ng\nh\n")))
        .containsExactly("stdout: lines added");
    assertThat(keys(stdout("a", "a\nb\nc\n", "a\n")))
        .containsExactly("stdout: lines removed at end");
  }

  @Test
  void aTokenEditSaysWhatWasAppendedPrependedOrReplaced() {
    assertThat(keys(stdout("a", "Error: bad\n", "Error: bad input\n")))
        .containsExactly("stdout: `input` appended");
    assertThat(keys(stdout("a", "cannot open file\n", "warning: cannot open file\n")))
        .containsExactly("stdout: `warning:` prepended");
    assertThat(keys(stdout("a", "size of the file: 10 kB\n", "size of the file: 10 KiB\n")))
        .containsExactly("stdout: letter case, `i` inserted");
    assertThat(keys(stdout("a", "ONE two\n", "Uone two\n")))
        .containsExactly("stdout: letter case, `U` inserted");
    assertThat(keys(stdout("a", "total: none\n", "total: nil\n")))
        .containsExactly("stdout: `none` -> `nil`");
    assertThat(keys(stdout("a", "alpha beta\n", "gamma delta epsilon\n")))
        .containsExactly("stdout: line `alpha ...` -> `gamma ...`");
  }

  @Test
  void whitespaceSaysWhetherItIsIndentationTrailingOrBetweenTokens() {
    assertThat(keys(stdout("a", "  <p>x</p>\n", "<p>x</p>\n")))
        .containsExactly("stdout: indentation");
    assertThat(keys(stdout("a", "x   \n", "x\n"))).containsExactly("stdout: trailing whitespace");
  }

  @Test
  void escapedNonAsciiCharactersAreOneClass() {
    assertThat(keys(stdout("a", "\"Zo\u00eb\",\n", "\"Zo\\u00eb\",\n")))
        .containsExactly("stdout: non-ASCII escaped as `\\uXXXX`");
  }

  @Test
  void theSameTextBrokenIntoOtherLinesIsReWrapped() {
    assertThat(keys(stdout("a", "<li><p>a</p></li>\n", "<li>\n<p>a</p>\n</li>\n")))
        .containsExactly("stdout: lines re-wrapped into more lines");
    assertThat(keys(stdout("b", "ab\ncd\nef\n", "abc\ndef\n")))
        .containsExactly("stdout: lines re-wrapped into fewer lines");
  }

  @Test
  void aSideThatPrintedNothingIsPartOfAChangedExitCode() {
    assertThat(keys(command("a", 0, "a\nb\n", 127, ""))).containsExactly("exit code: 0 -> 127");
    assertThat(keys(command("b", 0, "a\nb\n", 0, ""))).containsExactly("stdout: all lines removed");
  }

  @Test
  void aRewrittenLineIsKeyedByTheFirstWordOfEachSide() {
    assertThat(
            keys(
                stdout(
                    "a",
                    "parse error: Invalid literal at line 1, column 10\n",
                    "Expecting value: line 1 column 7 (char 6)\n")))
        .containsExactly("stdout: line `parse ...` -> `Expecting ...`");
  }

  @Test
  void aMissingFinalNewlineIsAChangeOfItsOwn() {
    assertThat(keys(stdout("a", "a\nb\n", "a\nb")))
        .containsExactly("stdout: newline at end of text removed");
  }

  @Test
  void exitCodesAndStatusesAreKeyedByTheirPairOfValues() {
    assertThat(keys(command("a", 0, "x\n", 1, "x\n"))).containsExactly("exit code: 0 -> 1");
    assertThat(keys(http("a", 200, "", "x", 404, "", "x"))).containsExactly("status: 200 -> 404");
  }

  @Test
  void aHeaderIsKeyedByItsNameAndTheClassOfItsValueChange() {
    Mismatch charset =
        http(
            "a",
            200,
            "content-type: application/json\n",
            "{}",
            200,
            "content-type: application/json; charset=utf-8\n",
            "{}");
    Mismatch redirect = http("b", 200, "", "x", 301, "location: /people/42/\n", "x");

    assertThat(keys(charset)).containsExactly("header content-type: `; charset=utf-8` appended");
    assertThat(keys(redirect)).containsExactly("status: 200 -> 301", "header location: added");
  }

  @Test
  void jsonPathsAreKeyedByPointerPatternWithoutLeadingElementsAndByClassOfChange() {
    Mismatch list =
        stdout(
            "a",
            "[{\"id\":1,\"children\":[]},{\"id\":2,\"children\":[]}]\n",
            "[{\"id\":1,\"children\":null},{\"id\":2,\"children\":[]}]\n");
    Mismatch one = stdout("b", "{\"id\":3,\"children\":[]}\n", "{\"id\":3,\"children\":null}\n");
    Mismatch kinds =
        stdout(
            "c",
            "{\"n\":12,\"m\":1,\"s\":\"Ab\",\"t\":\"x\",\"gone\":1,\"b\":true,\"o\":{\"k\":1}}\n",
            "{\"n\":12.0,\"m\":2,\"s\":\"ab\",\"t\":\"y\",\"new\":1,\"b\":false,\"o\":[1]}\n");

    assertThat(keys(list)).containsExactly("stdout /children: `[]` -> `null`");
    assertThat(keys(one)).containsExactly("stdout /children: `[]` -> `null`");
    assertThat(keys(kinds))
        .containsExactlyInAnyOrder(
            "stdout /b: `true` -> `false`",
            "stdout /gone: removed",
            "stdout /m: number changed",
            "stdout JSON values: number formatting",
            "stdout /new: added",
            "stdout /o: object -> array",
            "stdout JSON values: letter case",
            "stdout /t: string changed");
  }

  /**
   * Numbers are told apart as written, not as doubles: {@code 1e400} crashed the clustering (a
   * double's infinity has no decimal value), and a digit past a double's precision was called
   * formatting.
   */
  @Test
  void jsonNumbersBeyondADoubleAreComparedAsWritten() {
    Mismatch huge = stdout("huge", "{\"v\":1e400}\n", "{\"v\":2e400}\n");
    Mismatch precise =
        stdout("precise", "{\"v\":0.1000000000000000055511151231257827}\n", "{\"v\":0.1}\n");
    Mismatch written = stdout("written", "{\"v\":1e400}\n", "{\"v\":10E399}\n");

    assertThat(keys(huge)).containsExactly("stdout /v: number changed");
    assertThat(keys(precise)).containsExactly("stdout /v: number changed");
    assertThat(keys(written)).containsExactly("stdout JSON values: number formatting");
  }

  @Test
  void anErrorIsKeyedByItsMaskedMessage() {
    Mismatch error =
        new Mismatch("a", true, "candidate timed out after 10s", List.of(), List.of(), List.of());

    assertThat(keys(error)).containsExactly("error: candidate timed out after <n>s");
  }

  @Test
  void changesFoundInTheSameCasesFormOneGroupAndACaseIsInTheGroupOfEachOfItsChanges() {
    List<Mismatch> mismatches =
        List.of(
            stdout("upper", "A x\n3 matches\n", "0 matches\n"),
            stdout("lower", "B y\nC z\n15 matches\n", "0 matches\n"),
            command("both", 0, "Hello\n", 1, "hello\n"),
            command("exit", 0, "same\n", 1, "same\n"));

    List<Grouping.Group> groups = Grouping.of(mismatches);

    assertThat(groups)
        .extracting(Grouping.Group::members)
        .containsExactly(List.of("upper", "lower"), List.of("both", "exit"), List.of("both"));
    assertThat(groups.get(0).name())
        .isEqualTo(
            "stdout: lines removed at start; stdout: number changed in `<n> matches` (`3` -> `0`)");
    assertThat(groups.get(1).keys()).containsExactly("exit code: 0 -> 1");
    assertThat(groups.get(2).keys()).containsExactly("stdout: letter case");
  }
}
