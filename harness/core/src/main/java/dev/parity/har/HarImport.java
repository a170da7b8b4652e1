package dev.parity.har;

import dev.parity.fixture.CaseIds;
import dev.parity.fixture.HopByHopHeaders;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Utf8;
import dev.parity.redact.Redactor;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns HAR requests into cases: hop-by-hop and volatile headers dropped, secrets redacted by the
 * rules of the reports, identical requests kept once, side-effecting methods refused unless
 * allowed.
 */
public final class HarImport {

  /**
   * Headers that change from one capture to the next or make the server's answer depend on a cache
   * or the browser rather than on the request: kept, they would make every case flaky.
   */
  static final Set<String> VOLATILE =
      Set.of(
          "date",
          "if-none-match",
          "if-modified-since",
          "if-match",
          "if-unmodified-since",
          "if-range",
          "cache-control",
          "pragma",
          "accept-encoding",
          "user-agent",
          "priority",
          "upgrade-insecure-requests",
          "traceparent",
          "tracestate",
          "x-request-id",
          "dnt");

  private static final Pattern MARKER = Pattern.compile("<redacted sha256:[0-9a-f]+>");

  private static final List<String> VOLATILE_PREFIXES = List.of(":", "sec-ch-", "sec-fetch-");

  private final Redactor redactor;
  private final boolean allowSideEffects;

  public HarImport(Redactor redactor, boolean allowSideEffects) {
    this.redactor = redactor;
    this.allowSideEffects = allowSideEffects;
  }

  /** What an import made: its cases, and how many requests were dropped as duplicates. */
  public record Result(List<HarCase> cases, int duplicates) {}

  /** The cases of {@code entries}, in the order captured. */
  public Result cases(List<HarEntry> entries) {
    List<String> refused =
        entries.stream()
            .filter(e -> HttpRequest.WRITE_METHODS.contains(e.method()))
            .map(e -> "entries[" + e.index() + "] " + e.method() + " " + e.url().getRawPath())
            .toList();
    if (!allowSideEffects && !refused.isEmpty()) {
      throw new HarException(
          refused.size()
              + " requests can change data on the server ("
              + String.join(", ", refused.subList(0, Math.min(3, refused.size())))
              + (refused.size() > 3 ? ", ..." : "")
              + "); replaying them writes to both implementations. Pass --allow-side-effects to"
              + " import them (the suite then sets allowSideEffects: true), or remove them from"
              + " the HAR");
    }
    for (HarEntry entry : entries) {
      if (!HttpRequest.METHODS.contains(entry.method())) {
        throw new HarException(
            "entries["
                + entry.index()
                + "]: method ["
                + entry.method()
                + "] is not one of "
                + String.join(", ", HttpRequest.METHODS.stream().sorted().toList()));
      }
    }
    Set<List<Object>> seen = new HashSet<>();
    Map<String, Integer> ids = new HashMap<>();
    List<HarCase> cases = new ArrayList<>();
    int duplicates = 0;
    for (HarEntry entry : entries) {
      Map<String, Object> request = request(entry);
      // Bodies compared by content: a ByteBuffer's equals compares its bytes.
      if (!seen.add(
          List.of(
              request, entry.body().map(ByteBuffer::wrap).map(Object.class::cast).orElse("")))) {
        duplicates++;
        continue;
      }
      String base = id(entry);
      // Counted ignoring letter case: /Users and /users must not give ids that differ only in
      // case, which a suite refuses (one golden folder on macOS and Windows).
      int n = ids.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
      String id = n == 1 ? base : base + "-" + n;
      Optional<byte[]> bodyFile = Optional.empty();
      if (entry.body().isPresent()) {
        Optional<String> text = Utf8.strict(entry.body().get());
        if (text.isPresent() && !text.get().startsWith("@")) {
          request.put("body", redactor.text(text.get()));
        } else {
          bodyFile = entry.body();
          request.put("body", "@" + id + ".body");
        }
      }
      cases.add(new HarCase(id, request, bodyFile));
    }
    return new Result(cases, duplicates);
  }

  /** The request mapping without its body, which identifies the request for de-duplication. */
  private Map<String, Object> request(HarEntry entry) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", entry.method());
    String path = entry.url().getRawPath().isEmpty() ? "/" : entry.url().getRawPath();
    String query = entry.url().getRawQuery();
    if (query == null || query.isEmpty()) {
      request.put("path", path);
    } else {
      Optional<Map<String, String>> parameters =
          parameters(redactor.text("?" + query).substring(1));
      if (parameters.isPresent()) {
        request.put("path", path);
        request.put("query", parameters.get());
      } else {
        // Repeated names do not fit [query]: the query stays in the path, markers encoded.
        String redacted = redactor.text("?" + query).substring(1);
        request.put(
            "path",
            path
                + "?"
                + MARKER
                    .matcher(redacted)
                    .replaceAll(m -> URLEncoder.encode(m.group(), StandardCharsets.UTF_8)));
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    // chrome-har lists a request's headers twice (those of requestWillBeSent, then those sent on
    // the wire): a line repeated with the same value is sent once, as the browser sent it.
    Set<List<String>> lines = new HashSet<>();
    Map<String, String> spelling = new HashMap<>();
    for (Map.Entry<String, String> header : entry.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!lines.add(List.of(name, header.getValue()))
          || HopByHopHeaders.contains(name)
          || VOLATILE.contains(name)
          || VOLATILE_PREFIXES.stream().anyMatch(name::startsWith)) {
        continue;
      }
      if (header.getValue().contains("\n") || header.getValue().contains("\r")) {
        throw new HarException(
            "entries["
                + entry.index()
                + "]: header ["
                + header.getKey()
                + "] holds a line break; no HTTP request can send it, remove it from the HAR");
      }
      // One name in two spellings is one header, written as first seen.
      headers.merge(
          spelling.computeIfAbsent(name, n -> header.getKey()),
          redactor.header(header.getKey(), header.getValue()),
          (a, b) -> a + ", " + b);
    }
    if (!headers.isEmpty()) {
      request.put("headers", headers);
    }
    return request;
  }

  /** The decoded parameters of a raw query; empty when a name repeats or a value is malformed. */
  private static Optional<Map<String, String>> parameters(String raw) {
    Map<String, String> parameters = new LinkedHashMap<>();
    try {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (parameters.put(name, value) != null) {
          return Optional.empty();
        }
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(parameters);
  }

  private static String id(HarEntry entry) {
    String segments =
        List.of(entry.url().getPath().split("/")).stream()
            .map(CaseIds::segment)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.joining("/"));
    return "har/"
        + entry.method().toLowerCase(Locale.ROOT)
        + "/"
        + (segments.isEmpty() ? "root" : segments);
  }
}
