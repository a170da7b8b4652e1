package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinsTests {

  private static String scrub(String builtin, String text) {
    return Normalizers.builtin(builtin).normalize(text, new Scope());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          timestamps  | generated 2026-11-22T04:31:07Z by gwstat                 | generated <timestamp-1> by gwstat
          timestamps  | at 2026-11-22T04:31:07.123456+01:00.                     | at <timestamp-1>.
          timestamps  | 2026-11-22 04:31:07,123 INFO started                      | <timestamp-1> INFO started
          timestamps  | Date: Sun, 22 Nov 2026 04:31:07 GMT                       | Date: <timestamp-1>
          timestamps  | built Sun Nov 22 04:30:33 UTC 2026 on ci                  | built <timestamp-1> on ci
          timestamps  | born 1852-03-01 in Lyon                                   | born 1852-03-01 in Lyon
          epochMillis | {"ts":1763785867123,"n":42}                               | {"ts":<epoch-ms-1>,"n":42}
          epochMillis | order 12345 of 1763785867123.5                            | order 12345 of 1763785867123.5
          uuids       | request 3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f done          | request <uuid-1> done
          hashes      | commit 9fceb02d0ae598e95dc970b74767f19372d61af8 merged      | commit <hash-1> merged
          hashes      | etag "d41d8cd98f00b204e9800998ecf8427e"                     | etag "<hash-1>"
          hashes      | id 1234567890123 and word deadbeefcafe                      | id 1234567890123 and word deadbeefcafe
          addresses   | object at 0x7ffd5a3c1e20 freed                              | object at <address-1> freed
          addresses   | java.lang.Object@1b6d3586                                   | java.lang.Object@<address-1>
          addresses   | freed Object@1b6d3586. Next                                 | freed Object@<address-1>. Next
          addresses   | mail admin@facade.io or ops@decade.example.com             | mail admin@facade.io or ops@decade.example.com
          tempPaths   | wrote /tmp/parity-8812/out.csv, done                        | wrote <tmp-1>, done
          tempPaths   | cache /var/folders/x1/abc_123/T/tmp.XyZ                     | cache <tmp-1>
          tempPaths   | C:\\Users\\ann\\AppData\\Local\\Temp\\x12.tmp ok            | <tmp-1> ok
          tempPaths   | see /home/tmp/keep and /usr/bin                             | see /home/tmp/keep and /usr/bin
          pids        | worker pid=4242 started                                    | worker pid=<pid-1> started
          pids        | sshd[1234]: accepted                                       | sshd[<pid-1>]: accepted
          pids        | PID: 77 exited                                             | PID: <pid-1> exited
          durations   | finished in 12ms                                           | finished in <duration-1>
          durations   | took 1.5 s (3 seconds total)                               | took <duration-1> (<duration-2> total)
          durations   | elapsed 1m2.5s, timeout PT0.25S                            | elapsed <duration-1>, timeout <duration-2>
          durations   | 3 items in 2 mins                                          | 3 items in <duration-1>
          """)
  void scrubsRealisticSamples(String builtin, String input, String expected) {
    assertThat(scrub(builtin, input.replace("\\\\", "\\")))
        .isEqualTo(expected.replace("\\\\", "\\"));
  }

  @Test
  void hashesLeaveTheHashOfARedactedSecretAlone() {
    // The marker's hash is how the comparison sees that a secret changed: scrubbed as a hash, two
    // different passwords were equal.
    assertThat(scrub("hashes", "password=<redacted sha256:3f2a9c0d1e7b4a55>\n"))
        .isEqualTo("password=<redacted sha256:3f2a9c0d1e7b4a55>\n");
    assertThat(scrub("hashes", "password=<redacted sha256:3f2a9c0d1e7b4a55>"))
        .isNotEqualTo(scrub("hashes", "password=<redacted sha256:0a1b2c3d4e5f6071>"));
    assertThat(scrub("hashes", "image sha256:9fceb02d0ae598e95dc970b74767f19372d61af8 pulled"))
        .isEqualTo("image sha256:<hash-1> pulled");
  }

  /**
   * One line with noise of every kind: a declared built-in that replaces nothing in it is missing
   * or broken (a new built-in adds its kind of noise here).
   */
  private static final String EVERY_KIND_OF_NOISE =
      "at 2026-11-22T04:31:07Z ts 1763785867123 id 3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f"
          + " commit 9fceb02d0ae598e95dc970b74767f19372d61af8 object at 0x7ffd5a3c1e20"
          + " wrote /tmp/parity-8812/out.csv pid=4242 took 12ms";

  static List<String> declaredBuiltins() {
    return Normalizers.builtinNames();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("declaredBuiltins")
  void everyDeclaredBuiltinReplacesItsKindOfNoise(String name) {
    Scope scope = new Scope();

    String scrubbed = Normalizers.builtin(name).normalize(EVERY_KIND_OF_NOISE, scope);

    assertThat(scrubbed).isNotEqualTo(EVERY_KIND_OF_NOISE).containsPattern("<[a-z-]+-1>");
    assertThat(scope.takeFired()).isPositive();
  }

  @Test
  void theImplementedBuiltinsAreExactlyTheDeclaredOnes() {
    assertThat(Builtins.names()).containsExactlyInAnyOrderElementsOf(Normalizers.builtinNames());
  }

  @Test
  void anUnknownBuiltinIsRejectedWithTheValidNames() {
    assertThatThrownBy(() -> Normalizers.builtin("uuid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown built-in [uuid]; valid: " + Normalizers.builtinNames());
  }

  @Test
  void sameValueKeepsItsNumberAndDistinctValuesGetNew() {
    String text =
        "a 3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f b 00000000-0000-4000-8000-000000000001 c 3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f";
    assertThat(scrub("uuids", text)).isEqualTo("a <uuid-1> b <uuid-2> c <uuid-1>");
  }

  @Test
  void countsEveryReplacement() {
    Scope scope = new Scope();
    Normalizers.builtin("durations").normalize("1ms 2ms 3 apples", scope);
    assertThat(scope.takeFired()).isEqualTo(2);
  }
}
