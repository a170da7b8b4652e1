package dev.parity.cli.daemon;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/** What a JVM prints to its standard output on SIGQUIT: the stacks of all its threads. */
final class ThreadDump {
  private ThreadDump() {}

  /** Prints this JVM's thread dump (as {@code jcmd PID Thread.print}) to {@code out}. */
  static void print(PrintStream out) {
    try {
      Object dump =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "threadPrint",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
      out.print(dump);
      out.flush();
    } catch (JMException | RuntimeException unavailable) {
      // A JVM without the diagnostic commands prints nothing; the run goes on all the same.
    }
  }
}
