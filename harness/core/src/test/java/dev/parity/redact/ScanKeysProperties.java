package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class ScanKeysProperties {

  /** Derived once, the answers are those derived each time, for any list, asked for again. */
  @Property
  void cachedAnswersAreTheAnswersOfTheList(@ForAll @Size(max = 5) List<String> texts) {
    ArrayList<String> mine = new ArrayList<>(texts);

    ScanKeys first = ScanKeys.of(mine);
    mine.add("zzz");
    mine.remove(mine.size() - 1);
    ScanKeys again = ScanKeys.of(new ArrayList<>(texts));

    for (ScanKeys keys : List.of(first, again)) {
      assertThat(keys.ascii()).isEqualTo(ScanKeys.ascii(texts));
      assertThat(keys.startWithLetters()).isEqualTo(ScanKeys.startWithLetters(texts));
      if (keys.startWithLetters()) {
        assertThat(keys.letters()).isEqualTo(ScanKeys.letterPatterns(texts));
      }
      if (keys.ascii()) {
        assertThat(keys.first()).isEqualTo(ScanKeys.firstBytes(texts));
      }
    }
  }

  /** A list changed after it was asked about is a new list: its answers are its own. */
  @Property
  void aListChangedAfterwardsIsAskedAboutAfresh(@ForAll @Size(max = 4) List<String> texts) {
    ArrayList<String> mine = new ArrayList<>(texts);
    ScanKeys.of(mine);

    mine.add("\u00e9t\u00e9");

    assertThat(ScanKeys.of(mine).ascii()).isFalse();
  }
}
