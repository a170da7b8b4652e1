package dev.parity.normalize;

import dev.parity.fixture.RuleAction;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The normalizer behind each kind of rule; also usable directly, e.g. {@code
 * Normalizers.builtin("uuids")}.
 */
public final class Normalizers {
  private Normalizers() {}

  /** The normalizer for a rule's action. */
  public static Normalizer of(RuleAction action) {
    return action.accept(
        new RuleAction.Visitor<Normalizer>() {
          @Override
          public Normalizer regex(RuleAction.Regex regex) {
            return Normalizers.regex(regex.pattern(), regex.replace(), regex.numbered());
          }

          @Override
          public Normalizer builtin(RuleAction.Builtin builtin) {
            return Normalizers.builtin(builtin.name());
          }

          @Override
          public Normalizer text(RuleAction.Text text) {
            return TextNormalizer.of(text.name());
          }

          @Override
          public Normalizer json(RuleAction.Json json) {
            return new JsonNormalizer(json);
          }

          @Override
          public Normalizer headers(RuleAction.Headers headers) {
            return new HeadersNormalizer(headers.ignore());
          }

          @Override
          public Normalizer html(RuleAction.Html html) {
            return new HtmlNormalizer(html.ignore());
          }
        });
  }

  /**
   * Replaces matches; each {@code <name>} in {@code replace} becomes a numbered placeholder unless
   * {@code numbered} is false.
   */
  public static Normalizer regex(Pattern pattern, String replace, boolean numbered) {
    return new RegexNormalizer(pattern, replace, numbered);
  }

  /** One of {@link RuleAction.Builtin#NAMES}. */
  public static Normalizer builtin(String name) {
    return Builtins.of(name);
  }

  /** The built-in names, in the order a suggestion tries them. */
  public static List<String> builtinNames() {
    return RuleAction.Builtin.NAMES;
  }
}
