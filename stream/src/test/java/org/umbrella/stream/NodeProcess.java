package org.umbrella.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link org.umbrella.stream.StreamsNode} in a child JVM (this test's class path), which the
 * tests SIGKILL, SIGSTOP/SIGCONT and restart. Its standard output and error go to a log file,
 * appended across restarts, which the waits read.
 */
final class NodeProcess implements AutoCloseable {
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;

  NodeProcess(
      String bootstrap, Path stateDir, Path agreement, int copies, List<String> config, Path log) {
    List<String> c = new ArrayList<>();
    c.add(ProcessHandle.current().info().command().orElse("java"));
    c.add("-Xmx192m");
    c.add("-XX:+UseSerialGC");
    c.add("-XX:TieredStopAtLevel=1");
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add("org.umbrella.stream.StreamsNode");
    c.addAll(
        List.of(
            "--bootstrap",
            bootstrap,
            "--state-dir",
            stateDir.toString(),
            "--agreement",
            agreement.toString(),
            "--copies",
            String.valueOf(copies)));
    for (String kv : config) {
      c.add("--config");
      c.add(kv);
    }
    this.command = List.copyOf(c);
    this.log = log;
  }

  void start() throws IOException {
    starts++;
    Files.writeString(
        log,
        "=== start " + starts + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** Waits until this start of the node has reached RUNNING. */
  void awaitRunning(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      String text = Files.readString(log);
      int at = text.lastIndexOf("=== start " + starts + "\n");
      if (at >= 0 && text.indexOf("-> RUNNING", at) >= 0) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "streams node exited with " + process.exitValue() + "; log " + log);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("streams node not RUNNING within " + timeout + "; log " + log);
  }

  /**
   * SIGKILL: no shutdown hook, no clean close, an open transaction left for the broker to abort.
   */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  void signal(String sig) throws Exception {
    Process p =
        new ProcessBuilder("kill", "-" + sig, String.valueOf(process.pid())).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new AssertionError("kill -" + sig + " failed");
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
