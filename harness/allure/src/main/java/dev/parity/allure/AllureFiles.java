package dev.parity.allure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * The files of {@code allure-results/}: a test's {@code <uuid>-result.json} and its attachments,
 * written as allure-java-commons' {@code AllureLifecycle} and {@code FileSystemResultsWriter} wrote
 * them, byte for byte (AllureResultsFormatTests), with Parity's own Jackson. Those two brought a
 * second, shaded Jackson and the lifecycle's machinery: about 530 classes loaded at the end of
 * every run, the largest share of the reports' time in a verify of one case (issue 13).
 */
final class AllureFiles {
  /** Configured as allure-java-commons' {@code Allure2ModelJackson} configures its mapper. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .configure(MapperFeature.USE_WRAPPER_NAME_AS_PROPERTY_NAME, true)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .addModule(
              new SimpleModule()
                  .addSerializer(Status.class, LowerCaseName.INSTANCE)
                  .addSerializer(Stage.class, LowerCaseName.INSTANCE)
                  .addSerializer(Parameter.Mode.class, LowerCaseName.INSTANCE))
          .build();

  private AllureFiles() {}

  /** Writes {@code test} as {@code <uuid>-result.json}. */
  static void write(Path results, TestResult test) throws IOException {
    JSON.writeValue(results.resolve(test.getUuid() + "-result.json").toFile(), test);
  }

  /** Writes {@code text} as a new attachment file, {@code <random uuid>-attachment.<extension>}. */
  static Attachment attach(Path results, String name, String extension, String text)
      throws IOException {
    String source = UUID.randomUUID() + "-attachment." + extension;
    Files.write(results.resolve(source), text.getBytes(StandardCharsets.UTF_8));
    return new Attachment().setName(name).setType("text/plain").setSource(source);
  }

  /** An Allure enum as its name in lower case ({@code "passed"}, {@code "finished"}). */
  private static final class LowerCaseName extends JsonSerializer<Enum<?>> {
    static final LowerCaseName INSTANCE = new LowerCaseName();

    @Override
    public void serialize(Enum<?> value, JsonGenerator json, SerializerProvider serializers)
        throws IOException {
      json.writeString(value.name().toLowerCase(Locale.ENGLISH));
    }
  }
}
