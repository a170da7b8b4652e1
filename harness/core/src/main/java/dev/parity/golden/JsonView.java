package dev.parity.golden;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** A pretty-printed view of a JSON body, so goldens of JSON APIs diff well in git. */
final class JsonView {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private JsonView() {}

  /**
   * The body pretty-printed, or empty when it is not a JSON object or array, or already printed
   * that way.
   */
  static Optional<byte[]> pretty(byte[] body) {
    int first = 0;
    while (first < body.length && Character.isWhitespace(body[first])) {
      first++;
    }
    if (first == body.length || (body[first] != '{' && body[first] != '[')) {
      return Optional.empty();
    }
    try (JsonParser parser = MAPPER.createParser(body)) {
      JsonNode tree = MAPPER.readTree(parser);
      byte[] pretty =
          (MAPPER.writer(PRETTY).writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
      return Arrays.equals(pretty, body) ? Optional.empty() : Optional.of(pretty);
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
