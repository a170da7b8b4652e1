package dev.parity.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.run.Observation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpGoldenTests {
  @TempDir Path dir;

  private static Observation response(String body) {
    return Observation.ofHttp(
        200,
        "content-type: application/json\n",
        body.getBytes(StandardCharsets.UTF_8),
        Duration.ofMillis(3));
  }

  @Test
  void storesStatusInMetaHeadersAndRawBodyAsFilesAndAPrettyJsonView() throws IOException {
    GoldenStore store = new GoldenStore(dir);

    store.write(
        "api/person",
        response("{\"id\":1,\"name\":\"Zo\\u00eb\",\"score\":1.50,\"tags\":[]}"),
        false);

    Path folder = dir.resolve("api/person");
    assertThat(Files.readString(folder.resolve("meta.yaml")))
        .contains("id: api/person\nvalues:\n  status: 200\nstreams:\n- body\n- headers\n");
    assertThat(Files.readString(folder.resolve("headers")))
        .isEqualTo("content-type: application/json\n");
    assertThat(Files.readString(folder.resolve("body")))
        .isEqualTo("{\"id\":1,\"name\":\"Zo\\u00eb\",\"score\":1.50,\"tags\":[]}");
    assertThat(Files.readString(folder.resolve(GoldenStore.JSON_BODY_VIEW)))
        .isEqualTo(
            "{\n  \"id\": 1,\n  \"name\": \"Zoë\",\n  \"score\": 1.50,\n  \"tags\": [ ]\n}\n");
    assertThat(store.read("api/person"))
        .hasValueSatisfying(
            golden ->
                assertThat(
                        golden.sameContentAs(
                            response(
                                "{\"id\":1,\"name\":\"Zo\\u00eb\",\"score\":1.50,\"tags\":[]}")))
                    .isTrue());
  }

  @Test
  void writesNoViewForBodiesThatAreNotJsonAndRemovesAStaleOne() throws IOException {
    GoldenStore store = new GoldenStore(dir);
    store.write("page", response("[1,2]"), false);
    assertThat(dir.resolve("page").resolve(GoldenStore.JSON_BODY_VIEW)).exists();

    store.write("page", response("<html>[1,2]</html>"), true);

    assertThat(dir.resolve("page").resolve(GoldenStore.JSON_BODY_VIEW)).doesNotExist();
    store.write("broken", response("{\"a\": 1} trailing"), false);
    assertThat(dir.resolve("broken").resolve(GoldenStore.JSON_BODY_VIEW)).doesNotExist();
  }
}
