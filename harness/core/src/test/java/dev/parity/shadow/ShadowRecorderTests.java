package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Case;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Observation;
import dev.parity.verdict.CaseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowRecorderTests {
  @TempDir Path root;

  private Suite suite() throws IOException {
    Path folder = root.resolve("fixtures/web");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        """
        name: web
        legacy: {url: "http://127.0.0.1:9"}
        candidate:
          start: [python3, "{suite}/app.py", "{port}"]
        cases:
          - id: people
            request: {path: /api/people}
        """);
    return new SuiteLoader().load(folder);
  }

  private static Mirrored request(Suite suite, String path) {
    HttpRequest request =
        new HttpRequest(
            "GET",
            path,
            Map.of(),
            Map.of("Accept", "application/json", "Authorization", "Bearer secret-token"),
            Optional.empty());
    String group = RouteGroups.of(path);
    HttpCase testCase =
        new HttpCase(
            "shadow/" + group + "/1",
            suite.folder().resolve("suite.yaml"),
            request,
            Optional.empty(),
            List.of(group),
            List.of());
    return new Mirrored(testCase, group, Observation.ofHttp(200, "", new byte[0], Duration.ZERO));
  }

  private static CaseResult failed(Case testCase) {
    return CaseResult.errored(testCase, "candidate: no answer", Map.of());
  }

  private static CaseResult passed(Case testCase) {
    return CaseResult.passed(testCase, "identical", List.of(), Map.of());
  }

  @Test
  void writesNonPassingRequestsAsCasesOfASuiteThatLoads() throws IOException {
    Suite suite = suite();
    Path recorded = root.resolve("fixtures/recorded");
    ShadowRecorder recorder = new ShadowRecorder(recorded, suite, 0, () -> 0.0);
    recorder.prepare();
    Mirrored search = request(suite, "/search/people?q=a%20b");

    assertThat(recorder.offer(search, failed(search.testCase()))).isTrue();
    assertThat(recorder.offer(search, passed(search.testCase()))).as("sample 0").isFalse();

    Suite loaded = new SuiteLoader().load(recorded);
    assertThat(loaded.name()).isEqualTo("web-shadow");
    assertThat(loaded.cases()).hasSize(1);
    HttpCase only = (HttpCase) loaded.cases().get(0);
    assertThat(only.id()).isEqualTo("cases/shadow/search/get-000001");
    assertThat(only.tags()).containsExactly("search");
    assertThat(only.request().path()).isEqualTo("/search/people?q=a%20b");
    assertThat(only.request().headers()).containsOnlyKeys("Accept");
    assertThat(Files.readString(recorded.resolve("suite.yaml")))
        .as("{suite} means the shadowed suite's folder")
        .contains(suite.folder() + "/app.py")
        .doesNotContain("people");
  }

  @Test
  void samplesPassingRequestsAndNeverOverwritesAnEarlierSessionsCase() throws IOException {
    Suite suite = suite();
    Path recorded = root.resolve("recorded");
    ShadowRecorder recorder = new ShadowRecorder(recorded, suite, 0.5, () -> 0.25);
    recorder.prepare();
    Path earlier = recorded.resolve("cases/shadow/api/get-000001.yaml");
    Files.createDirectories(earlier.getParent());
    Files.writeString(earlier, "request: {path: /api/earlier}\n");
    Mirrored people = request(suite, "/api/people");

    assertThat(recorder.offer(people, passed(people.testCase()))).as("sampled").isTrue();

    assertThat(Files.readString(earlier)).isEqualTo("request: {path: /api/earlier}\n");
    assertThat(recorded.resolve("cases/shadow/api/get-000002.yaml")).exists();
    assertThat(recorder.written()).isEqualTo(1);
  }

  @Test
  void refusesToRecordThroughASymbolicLink() throws IOException {
    Suite suite = suite();
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(root.resolve("link"), elsewhere);

    assertThatThrownBy(() -> new ShadowRecorder(link, suite, 0, () -> 0.0).prepare())
        .hasMessageContaining("is a symbolic link");
    assertThatThrownBy(
            () -> new ShadowRecorder(link.resolve("inner"), suite, 0, () -> 0.0).prepare())
        .hasMessageContaining("is a symbolic link");
    assertThat(elsewhere).isEmptyDirectory();
  }
}
