package dev.parity.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * JSON numbers kept as the text of their token. A number node is a raw value, so it is written back
 * exactly as read and two numbers are equal only when their tokens are; {@link #canonical} gives
 * the by-value form used when {@code numericEquality} is on.
 */
final class JsonNumbers {
  /**
   * Beyond this exponent a number is never expanded: {@code 1e999999999} written plainly would be a
   * billion characters.
   */
  private static final int MAX_PLAIN_SCALE = 100;

  /** Arithmetic (a tolerance) only on numbers of at most this scale, so it stays cheap. */
  private static final int MAX_ARITHMETIC_SCALE = 10_000;

  private JsonNumbers() {}

  static JsonNode node(String token) {
    return JsonNodeFactory.instance.rawValueNode(new RawValue(token));
  }

  /** The token of a number node, or empty for any other node. */
  static Optional<String> token(JsonNode node) {
    if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
      return Optional.of(String.valueOf(raw.rawValue()));
    }
    return Optional.empty();
  }

  /** The token's value; empty when it is beyond BigDecimal's exponent range. */
  static Optional<BigDecimal> value(String token) {
    try {
      return Optional.of(new BigDecimal(token));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * One text per value: {@code 1}, {@code 1.0}, {@code 1e0} and {@code 10E-1} all give {@code 1};
   * {@code -0} gives {@code 0}; huge exponents stay in scientific notation ({@code 1E+999999999}).
   * A token beyond BigDecimal's range is returned as written.
   */
  static String canonical(String token) {
    Optional<BigDecimal> parsed = value(token);
    if (parsed.isEmpty()) {
      return token;
    }
    BigDecimal value = parsed.get();
    if (value.signum() == 0) {
      return "0";
    }
    value = value.stripTrailingZeros();
    if (Math.abs(value.scale()) > MAX_PLAIN_SCALE) {
      return value.toString();
    }
    return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
  }

  /** Whether the two tokens are within {@code tolerance} of each other, by value. */
  static boolean within(String a, String b, BigDecimal tolerance) {
    Optional<BigDecimal> x = value(a).filter(JsonNumbers::small);
    Optional<BigDecimal> y = value(b).filter(JsonNumbers::small);
    if (x.isEmpty() || y.isEmpty()) {
      return canonical(a).equals(canonical(b));
    }
    return x.get().subtract(y.get()).abs().compareTo(tolerance) <= 0;
  }

  private static boolean small(BigDecimal value) {
    return Math.abs(value.scale()) <= MAX_ARITHMETIC_SCALE;
  }
}
