package dev.parity.archive;

import dev.parity.fixture.Case;
import dev.parity.fixture.CommandCase;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.Content;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.InputFile;
import dev.parity.fixture.RequestBody;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.redact.Redactor;
import dev.parity.run.CommandRunner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The shell commands that reproduce one side of a case by hand, the way the runner ran it. */
final class Repro {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  /** The shell variable a script sets to the project folder it is run from. */
  static final String ROOT_VARIABLE = "ROOT";

  private final Suite suite;

  /** The project folder (holding fixtures/): paths under it are written relative to $ROOT. */
  private final String root;

  private Repro(Suite suite) {
    this.suite = suite;
    this.root = Suite.projectOf(suite.folder()).toString();
  }

  /**
   * The script, with secrets (sensitive headers, token query values, the suite's redact: matches,
   * Parity's own secret environment) replaced by their markers: a repro script is written to disk.
   */
  static String of(Suite suite, Side side, Case testCase) {
    Redactor redactor = Redactor.of(suite.redaction()).forCase(testCase);
    return redactor.text(new Repro(suite).script(side, testCase, redactor));
  }

  private String script(Side side, Case testCase, Redactor redactor) {
    Implementation implementation = suite.implementation(side);
    if (implementation instanceof HttpImplementation http
        && testCase instanceof HttpCase httpCase) {
      return curl(side, testCase, http, httpCase.request(), redactor);
    }
    if (!(implementation instanceof CommandImplementation command)
        || !(testCase instanceof CommandCase commandCase)) {
      return "# " + side.label() + ": " + implementation.describe() + "\n";
    }
    StringBuilder script = header(side, testCase, "");
    if (command.cwd().isPresent()) {
      script.append("cd ").append(word(command.cwd().get().toString())).append('\n');
    } else {
      script.append("cd \"$(mktemp -d)\"\n");
    }
    for (InputFile file : commandCase.files()) {
      Path target = Path.of(file.target());
      if (target.getParent() != null) {
        script.append("mkdir -p ").append(word(target.getParent().toString())).append(" && ");
      }
      script
          .append("cp -R ")
          .append(word(file.source().toString()))
          .append(' ')
          .append(word(file.target()))
          .append('\n');
    }
    Map<String, String> env = new TreeMap<>(suite.env());
    env.putAll(command.env());
    env.putAll(commandCase.env());
    env.put(CommandRunner.SUITE_VARIABLE, suite.folder().toString());
    List<String> words = new ArrayList<>();
    if (commandCase.stdin().isPresent()
        && !(commandCase.stdin().get() instanceof Content.FromFile)) {
      words.add(printf(commandCase.stdin().get()));
      words.add("|");
    }
    words.add("env");
    env.forEach((k, v) -> words.add(word(k + "=" + v)));
    words.add(CommandRunner.WORKDIR_VARIABLE + "=\"$PWD\"");
    command.command().forEach(w -> words.add(word(w)));
    commandCase.args().forEach(w -> words.add(word(w)));
    if (commandCase.stdin().orElse(null) instanceof Content.FromFile file) {
      words.add("<");
      words.add(word(file.file().toString()));
    } else if (commandCase.stdin().isEmpty()) {
      words.add("</dev/null");
    }
    script.append(String.join(" ", words)).append('\n');
    return script.toString();
  }

  /** The script's first line: {@code # legacy side of case a/b}, with {@code suffix} appended. */
  private StringBuilder header(Side side, Case testCase, String suffix) {
    return new StringBuilder()
        .append("# ")
        .append(side.label())
        .append(" side of case ")
        .append(testCase.id())
        .append(suffix)
        .append('\n')
        .append("# run from the project folder (the one holding fixtures/); rerun the case with:\n")
        .append("#   parity verify ")
        .append(quote(relative(suite.folder().toString())))
        .append(" --filter ")
        .append(singleQuoted(Suite.globOf(testCase.id())))
        .append('\n')
        .append(ROOT_VARIABLE)
        .append("=\"$PWD\"\n");
  }

  /** A path under the project folder relative to it; others as they are. */
  private String relative(String path) {
    return path.startsWith(root + "/") ? path.substring(root.length() + 1) : path;
  }

  /**
   * One shell word for {@code text}: the project folder inside it becomes {@code "$ROOT"}, so the
   * script runs from any checkout of the project, and the rest is quoted.
   */
  private String word(String text) {
    return word(root, text);
  }

  /**
   * {@link #word(String)} for the project folder {@code root}: a plain search, not a regular
   * expression compiled for every word (a tenth of a passing case's Java time went to those). An
   * empty text is an empty quoted word, which the shell keeps as an argument.
   */
  static String word(String root, String text) {
    if (text.equals(root)) {
      return "\"$" + ROOT_VARIABLE + "\"";
    }
    if (text.isEmpty()) {
      return quote(text);
    }
    String separator = root + "/";
    StringBuilder word = new StringBuilder();
    int from = 0;
    for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
      if (at > from) {
        word.append(quote(text.substring(from, at)));
      }
      word.append("\"$").append(ROOT_VARIABLE).append("\"/");
      from = at + separator.length();
    }
    if (from < text.length()) {
      word.append(quote(text.substring(from)));
    }
    return word.toString();
  }

  /**
   * Starts the service the way the harness does (where it starts it), then sends the case's request
   * with curl.
   */
  private String curl(
      Side side, Case testCase, HttpImplementation http, HttpRequest request, Redactor redactor) {
    StringBuilder script = header(side, testCase, " (HTTP)");
    String base;
    HttpImplementation.Endpoint endpoint = http.endpoint();
    if (endpoint instanceof HttpImplementation.Url url) {
      base = url.base().toString().replaceAll("/+$", "");
    } else if (endpoint instanceof HttpImplementation.Start start) {
      base = "http://127.0.0.1:$PORT";
      script.append("PORT=${PORT:-8080}\n");
      List<String> words = new ArrayList<>(List.of("env"));
      new TreeMap<>(start.env())
          .forEach(
              (k, v) ->
                  words.add(
                      word(k + "=" + v).replace(HttpImplementation.PORT_PLACEHOLDER, "$PORT")));
      start.command().forEach(w -> words.add(portWord(w)));
      script.append("# start the server (stop it afterwards with: kill $SERVER)\n");
      start.cwd().ifPresent(dir -> script.append("cd ").append(word(dir.toString())).append('\n'));
      script.append(String.join(" ", words)).append(" &\nSERVER=$!\n");
      start
          .ready()
          .ifPresent(
              ready ->
                  script
                      .append("until curl -fs -o /dev/null ")
                      .append(word("http://127.0.0.1:"))
                      .append("\"$PORT\"")
                      .append(word(ready))
                      .append("; do sleep 0.2; done\n"));
    } else {
      HttpImplementation.Container container = (HttpImplementation.Container) endpoint;
      base = "http://127.0.0.1:$PORT";
      script.append("PORT=${PORT:-8080}\n");
      String image = container.image().orElse("parity-repro:" + side.label());
      container
          .build()
          .ifPresent(
              dir ->
                  script
                      .append("docker build -t ")
                      .append(word(image))
                      .append(' ')
                      .append(word(dir.toString()))
                      .append('\n'));
      List<String> words =
          new ArrayList<>(
              List.of("docker", "run", "-d", "--rm", "-p", "\"$PORT\":" + container.port()));
      new TreeMap<>(container.env()).forEach((k, v) -> words.add("-e " + word(k + "=" + v)));
      words.add(word(image));
      script.append("CONTAINER=$(").append(String.join(" ", words)).append(")\n");
    }
    StringBuilder url = new StringBuilder(request.path());
    String separator = request.path().contains("?") ? "&" : "?";
    for (Map.Entry<String, String> parameter : request.query().entrySet()) {
      url.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = "&";
    }
    // --path-as-is sends /../x as written (curl would squash it to /x); HEAD is --head, since
    // -X HEAD makes curl wait for a body the response announces but never sends.
    List<String> words = new ArrayList<>(List.of("curl", "-sS", "-i", "--path-as-is"));
    if (request.method().equals("HEAD")) {
      words.add("--head");
    } else if (!request.method().equals("GET")) {
      words.add("-X " + word(request.method()));
    }
    String stdin = "";
    request
        .headers()
        .forEach(
            (name, value) -> words.add("-H " + quote(name + ": " + redactor.header(name, value))));
    if (request.body().isPresent()) {
      RequestBody body = request.body().get();
      if (request.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("content-type"))) {
        words.add("-H " + quote("Content-Type: " + body.contentType()));
      }
      if (body.content() instanceof Content.FromFile file) {
        words.add("--data-binary " + word("@" + file.file()));
      } else {
        // Piped, so that the body is sent byte for byte, even one that starts with @.
        stdin = printf(body.content()) + " | ";
        words.add("--data-binary @-");
      }
    }
    words.add("\"" + base + "\"" + quote(url.toString()));
    script.append(stdin).append(String.join(" ", words)).append('\n');
    return script.toString();
  }

  /** A word of a start command, with {@code {port}} left to the shell's $PORT. */
  private String portWord(String word) {
    if (!word.contains(HttpImplementation.PORT_PLACEHOLDER)) {
      return word(word);
    }
    List<String> parts = new ArrayList<>();
    for (String part : word.split(Pattern.quote(HttpImplementation.PORT_PLACEHOLDER), -1)) {
      parts.add(part.isEmpty() ? "" : word(part));
    }
    return String.join("\"$PORT\"", parts);
  }

  /**
   * A printf writing {@code content} exactly: text as a {@code %s} argument; bytes (and text with a
   * NUL, which no shell word holds) as octal escapes of its format.
   */
  private static String printf(Content content) {
    if (content instanceof Content.Inline inline && inline.text().indexOf('\0') < 0) {
      return "printf '%s' " + quote(inline.text());
    }
    byte[] bytes =
        content instanceof Content.Bytes data ? data.bytes() : ((Content.Inline) content).bytes();
    StringBuilder format = new StringBuilder("printf '");
    for (byte b : bytes) {
      format.append(String.format("\\%03o", b & 0xff));
    }
    return format.append('\'').toString();
  }

  /**
   * One POSIX shell word. Words made of safe characters stay bare; others are single-quoted, the
   * only quoting that keeps every byte (newlines included, which commons-text's XSI escaper drops).
   */
  static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return singleQuoted(word);
  }

  /** Always single-quoted, even a safe word: a filter glob must reach parity unexpanded. */
  static String singleQuoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
