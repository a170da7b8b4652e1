package dev.parity.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code headers:} drops {@code Name: value} lines whose name is ignored, case-insensitively. */
final class HeadersNormalizer implements Normalizer {
  private final Set<String> ignored;

  HeadersNormalizer(List<String> ignore) {
    this.ignored =
        ignore.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  @Override
  public String normalize(String text, Scope scope) {
    StringBuilder out = new StringBuilder();
    int removed = 0;
    for (String line : text.split("(?<=\n)")) {
      int colon = line.indexOf(':');
      if (colon > 0
          && ignored.contains(line.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
        removed++;
        continue;
      }
      out.append(line);
    }
    if (removed == 0) {
      return text;
    }
    scope.fired(removed);
    return out.toString();
  }
}
