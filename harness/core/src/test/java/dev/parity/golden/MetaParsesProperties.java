package dev.parity.golden;

import static dev.parity.golden.GoldenStore.META_YAML;
import static dev.parity.testing.Observations.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parity.golden.GoldenFiles.Meta;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered parses of meta.yaml ({@link MetaParses}) answer exactly as parsing the bytes does,
 * whatever was parsed before: the model is a fresh parse with the YAML mapper.
 */
class MetaParsesProperties {
  @TempDir Path folder;

  @Property(tries = 300)
  void aRememberedParseIsTheParseOfTheseBytes(
      @ForAll("metas") Meta meta, @ForAll @IntRange(min = 0, max = 400) int flip) throws Exception {
    byte[] written = META_YAML.writeValueAsBytes(meta);
    assertThat(MetaParses.parse(written)).isEqualTo(META_YAML.readValue(written, Meta.class));

    // One byte changed anywhere (a hand edit, a torn write): parsed again, never the old answer.
    byte[] edited = written.clone();
    int at = flip % edited.length;
    edited[at] = (byte) (edited[at] == 'a' ? 'b' : 'a');
    Object model;
    try {
      model = META_YAML.readValue(edited, Meta.class);
    } catch (JsonProcessingException e) {
      assertThatThrownBy(() -> MetaParses.parse(edited))
          .isInstanceOf(JsonProcessingException.class);
      return;
    }
    assertThat(MetaParses.parse(edited)).isEqualTo(model);
    // And the first content still gives its own parse.
    assertThat(MetaParses.parse(written)).isEqualTo(META_YAML.readValue(written, Meta.class));
  }

  @Provide
  Arbitrary<Meta> metas() {
    Arbitrary<String> words = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8);
    Arbitrary<TreeMap<String, String>> maps =
        Arbitraries.maps(words, words).ofMaxSize(3).map(TreeMap::new);
    return Combinators.combine(words, maps, words.list().ofMaxSize(3), maps)
        .as((id, values, streams, sums) -> new Meta(id, values, streams, sums, null));
  }

  @Test
  void whatAReadReturnsCannotBeChangedByItsCaller() throws Exception {
    byte[] content =
        "id: a\nvalues:\n  exitCode: 0\nstreams:\n- stdout\nsha256:\n  stdout: x\n"
            .getBytes(StandardCharsets.UTF_8);
    Meta first = MetaParses.parse(content);

    assertThatThrownBy(() -> first.values().put("exitCode", "1"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.sha256().put("stdout", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.streams().add("stderr"))
        .isInstanceOf(UnsupportedOperationException.class);
    content[content.length - 2] = 'z';
    assertThat(MetaParses.parse(content).sha256()).containsEntry("stdout", "z");
  }

  @Test
  void aFileThatCannotBeParsedFailsEveryTime() {
    byte[] broken = "id: a\nstreams: [\n".getBytes(StandardCharsets.UTF_8);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> MetaParses.parse(broken))
          .isInstanceOf(JsonProcessingException.class);
    }
  }

  @Test
  void rememberedParsesAreBounded() throws Exception {
    for (int i = 0; i < MetaParses.REMEMBERED + 50; i++) {
      MetaParses.parse(("id: c" + i + "\nstreams: []\n").getBytes(StandardCharsets.UTF_8));
    }

    assertThat(MetaParses.remembered()).isEqualTo(MetaParses.REMEMBERED);
  }

  @Test
  void aLargeHandMadeFileIsParsedFromTheFile() throws Exception {
    Path file = folder.resolve("meta.yaml");
    String padding = "#".repeat((int) MetaParses.LARGEST_REMEMBERED) + "\n";
    Files.writeString(file, padding + "id: big\nstreams: [stdout]\n");

    assertThat(MetaParses.read(file).id()).isEqualTo("big");
    assertThat(MetaParses.read(file).streams()).isEqualTo(List.of("stdout"));
  }

  @Test
  void aGoldenEditedBetweenTwoReadsOfOneProcessIsCheckedAgainstItsNewContent() throws Exception {
    GoldenStore store = new GoldenStore(folder);
    store.write("a", command(0, "out\n", "", Map.of()), false);
    assertThat(store.read("a")).isPresent();

    Path meta = folder.resolve("a/meta.yaml");
    String text = Files.readString(meta);
    Files.writeString(meta, text.replaceFirst("stdout: [0-9a-f]{64}", "stdout: " + "0".repeat(64)));

    assertThatThrownBy(() -> store.read("a"))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("does not match the checksum");
  }
}
