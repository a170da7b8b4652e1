package dev.parity.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.cluster.ShrinkInputs;
import dev.parity.fixture.Case;
import dev.parity.fixture.CommandCase;
import dev.parity.fixture.Content;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.RequestBody;
import dev.parity.verdict.Reproducer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's input taken apart into the parts delta debugging leaves out: a command case's stdin
 * lines; an HTTP case's query parameters and the top-level members (or elements) of its JSON body.
 * Every other part of the case (arguments, files, headers, path) stays as it is.
 */
final class ShrinkableInput {
  /** One part of the input. */
  sealed interface Part {
    /** Its size in characters. */
    int length();
  }

  record Line(String text) implements Part {
    @Override
    public int length() {
      return text.length();
    }
  }

  record Parameter(String name, String value) implements Part {
    @Override
    public int length() {
      return name.length() + value.length();
    }
  }

  record Member(JsonNode json) implements Part {
    @Override
    public int length() {
      return json.toString().length();
    }
  }

  private final Case original;
  private final List<Part> parts;
  private final boolean bodyIsArray;

  private ShrinkableInput(Case original, List<Part> parts, boolean bodyIsArray) {
    this.original = original;
    this.parts = List.copyOf(parts);
    this.bodyIsArray = bodyIsArray;
  }

  /**
   * The parts of {@code testCase}, or empty when it has nothing to leave out (no stdin, a binary
   * stdin, a request without query parameters or JSON body).
   */
  static Optional<ShrinkableInput> of(Case testCase) {
    List<Part> parts = new ArrayList<>();
    boolean array = false;
    if (testCase instanceof CommandCase command && command.stdin().isPresent()) {
      text(command.stdin().get())
          .ifPresent(stdin -> ShrinkInputs.lines(stdin).forEach(l -> parts.add(new Line(l))));
    } else if (testCase instanceof HttpCase http) {
      HttpRequest request = http.request();
      request.query().forEach((name, value) -> parts.add(new Parameter(name, value)));
      Optional<String> body = request.body().flatMap(b -> text(b.content()));
      Optional<List<JsonNode>> members = body.flatMap(ShrinkInputs::jsonParts);
      if (members.isPresent()) {
        array = body.get().stripLeading().startsWith("[");
        members.get().forEach(m -> parts.add(new Member(m)));
      }
    }
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of(new ShrinkableInput(testCase, parts, array));
  }

  /** The text of a content, when it is UTF-8 (a binary input is not taken apart). */
  private static Optional<String> text(Content content) {
    try {
      byte[] bytes = content.bytes();
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException e) {
      // An unreadable file: the case is left whole (its run said what was wrong).
      return Optional.empty();
    }
  }

  List<Part> parts() {
    return parts;
  }

  /** The input's size, to choose a cluster's smallest case. */
  long size() {
    return parts.stream().mapToLong(Part::length).sum();
  }

  /** The case with only {@code kept} of its parts (in their order); the rest as it was. */
  Case with(List<Part> kept) {
    if (original instanceof CommandCase command) {
      return new CommandCase(
          command.id(),
          command.source(),
          command.args(),
          Optional.of(new Content.Inline(ShrinkInputs.joinLines(lines(kept)))),
          command.env(),
          command.files(),
          command.outputs(),
          command.optional(),
          command.timeout(),
          command.tags(),
          command.normalize());
    }
    HttpCase http = (HttpCase) original;
    HttpRequest request = http.request();
    Map<String, String> query = new LinkedHashMap<>();
    kept.stream()
        .filter(p -> p instanceof Parameter)
        .map(Parameter.class::cast)
        .forEach(p -> query.put(p.name(), p.value()));
    Optional<RequestBody> body = request.body();
    if (body.isPresent() && parts.stream().anyMatch(p -> p instanceof Member)) {
      body =
          Optional.of(
              new RequestBody(
                  new Content.Inline(ShrinkInputs.joinJson(members(kept), bodyIsArray)),
                  body.get().contentType()));
    }
    return new HttpCase(
        http.id(),
        http.source(),
        new HttpRequest(request.method(), request.path(), query, request.headers(), body),
        http.timeout(),
        http.tags(),
        http.normalize());
  }

  /** The shrunk input as a report shows it: {@code stdin}, {@code query}, {@code body}. */
  Map<String, String> shown(List<Part> kept) {
    Map<String, String> input = new LinkedHashMap<>();
    if (original instanceof CommandCase) {
      input.put("stdin", ShrinkInputs.joinLines(lines(kept)));
      return input;
    }
    List<String> query = new ArrayList<>();
    kept.stream()
        .filter(p -> p instanceof Parameter)
        .map(Parameter.class::cast)
        .forEach(
            p ->
                query.add(
                    URLEncoder.encode(p.name(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(p.value(), StandardCharsets.UTF_8)));
    if (parts.stream().anyMatch(p -> p instanceof Parameter)) {
      input.put("query", String.join("&", query));
    }
    if (parts.stream().anyMatch(p -> p instanceof Member)) {
      input.put("body", ShrinkInputs.joinJson(members(kept), bodyIsArray));
    }
    return input;
  }

  /** Per kind of part, how many of the case's were kept. */
  List<Reproducer.Reduced> reduced(List<Part> kept) {
    List<Reproducer.Reduced> reduced = new ArrayList<>();
    count(reduced, kept, Line.class, "stdin lines");
    count(reduced, kept, Parameter.class, "query parameters");
    count(reduced, kept, Member.class, bodyIsArray ? "body elements" : "body members");
    return reduced;
  }

  private void count(
      List<Reproducer.Reduced> reduced, List<Part> kept, Class<? extends Part> kind, String name) {
    long of = parts.stream().filter(kind::isInstance).count();
    if (of > 0) {
      reduced.add(
          new Reproducer.Reduced(
              name, (int) kept.stream().filter(kind::isInstance).count(), (int) of));
    }
  }

  private static List<String> lines(List<Part> kept) {
    return kept.stream().filter(p -> p instanceof Line).map(p -> ((Line) p).text()).toList();
  }

  private static List<JsonNode> members(List<Part> kept) {
    return kept.stream().filter(p -> p instanceof Member).map(p -> ((Member) p).json()).toList();
  }
}
