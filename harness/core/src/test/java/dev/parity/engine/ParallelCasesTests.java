package dev.parity.engine;

import static dev.parity.fixture.Suites.commandCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.parity.fixture.Case;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ParallelCasesTests {

  @Test
  void aSingleCaseRunsOnTheCallersThreadWithoutAPool() {
    List<Thread> ranOn = new CopyOnWriteArrayList<>();
    List<CaseResult> results =
        ParallelCases.run(
            List.of(commandCase("only")),
            4,
            Progress.NONE,
            testCase -> {
              ranOn.add(Thread.currentThread());
              return CaseResult.errored(testCase, "judged", Map.of());
            });
    assertThat(ranOn).containsExactly(Thread.currentThread());
    assertThat(results).singleElement().extracting(CaseResult::id).isEqualTo("only");
  }

  @Test
  void aSingleCaseFailsExactlyAsItWouldOnThePool() {
    for (List<Case> cases :
        List.of(
            List.<Case>of(commandCase("a")), List.<Case>of(commandCase("a"), commandCase("b")))) {
      // An I/O failure is the case's error; anything else crashes the run, one case or many.
      List<CaseResult> errored =
          ParallelCases.run(
              cases,
              2,
              Progress.NONE,
              testCase -> {
                throw new IOException("disk gone for " + testCase.id());
              });
      assertThat(errored.get(0).status()).isEqualTo(Status.ERROR);
      assertThatIllegalStateException()
          .isThrownBy(
              () ->
                  ParallelCases.run(
                      cases,
                      2,
                      Progress.NONE,
                      testCase -> {
                        throw new ArithmeticException("planted");
                      }))
          .withMessageContaining("a case crashed the harness")
          .withCauseInstanceOf(ArithmeticException.class);
    }
  }
}
