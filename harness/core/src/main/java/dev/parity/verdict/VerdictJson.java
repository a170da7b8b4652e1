package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes {@code verdict.json}. */
public final class VerdictJson {
  public static final String FILE = "verdict.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // A verdict.json written before a list was added to it reads as that list empty; the
          // records themselves reject null.
          .withConfigOverride(
              List.class,
              list -> list.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
          .build();

  private VerdictJson() {}

  public static String toJson(Verdict verdict) {
    try {
      return MAPPER.writeValueAsString(verdict) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("verdict cannot be serialized", e);
    }
  }

  public static Verdict read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), Verdict.class);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
