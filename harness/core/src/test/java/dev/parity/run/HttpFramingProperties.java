package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** {@link HttpResponses#ambiguousFraming} against a model. */
class HttpFramingProperties {
  /**
   * The rule against a model: ambiguous exactly when Transfer-Encoding comes with a Content-Length,
   * or the Content-Length fields (each a comma-separated list) hold other than one number.
   */
  @Property
  void framingIsAmbiguousExactlyWhenClientsCouldDisagree(
      @ForAll @Size(max = 3) List<@From("lengthField") String> lengths, @ForAll boolean chunked) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (!lengths.isEmpty()) {
      map.put("Content-Length", lengths);
    }
    if (chunked) {
      map.put("Transfer-Encoding", List.of("chunked"));
    }
    List<String> values = new ArrayList<>();
    lengths.forEach(field -> List.of(field.split(",", -1)).forEach(v -> values.add(v.strip())));
    boolean oneNumber =
        values.stream().distinct().count() == 1
            && values.get(0).chars().allMatch(Character::isDigit)
            && !values.get(0).isEmpty();
    boolean expected = !lengths.isEmpty() && (chunked || !oneNumber);

    Optional<String> ambiguous =
        HttpResponses.ambiguousFraming(HttpHeaders.of(map, (k, v) -> true));

    assertThat(ambiguous.isPresent()).as("%s chunked=%s", lengths, chunked).isEqualTo(expected);
    ambiguous.ifPresent(
        why -> assertThat(why).contains(chunked ? "Transfer-Encoding" : "Content-Length"));
  }

  @Provide
  Arbitrary<String> lengthField() {
    Arbitrary<String> value = Arbitraries.of("0", "3", "6", "+3", "", "x", "03");
    return value.list().ofMinSize(1).ofMaxSize(2).map(v -> String.join(", ", v));
  }
}
