package dev.parity.report;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The page around the data: the fixed template with its Content-Security-Policy hash, and the JSON
 * writer whose output cannot end a script block.
 */
final class HtmlPage {
  private static final String TEMPLATE = "index-template.html";

  /** Writes JSON with {@code < > &}, U+2028 and U+2029 escaped, safe inside a script block. */
  static final ObjectMapper JSON =
      JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new ScriptSafeEscapes()).build())
          .build();

  private HtmlPage() {}

  /** The template with the hash of its one script in the Content-Security-Policy. */
  static String template() {
    return withScriptHash(read());
  }

  /**
   * Puts the SHA-256 of the page's one script into its Content-Security-Policy, so that the browser
   * runs that script and nothing else, as a second line of defence behind the escaping.
   */
  static String withScriptHash(String template) {
    int start = template.lastIndexOf("<script>") + "<script>".length();
    int end = template.indexOf("</script>", start);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(template.substring(start, end).getBytes(StandardCharsets.UTF_8));
      return template.replace(
          "script-src 'unsafe-inline'",
          "script-src 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String read() {
    try (InputStream in = HtmlPage.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("report template " + TEMPLATE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Escapes what could end a script block or break a JavaScript string: {@code < > &}, U+2028,
   * U+2029.
   */
  static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    ScriptSafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
      ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
      ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028) {
        return new SerializedString("\\u2028");
      }
      if (ch == 0x2029) {
        return new SerializedString("\\u2029");
      }
      return null;
    }
  }
}
