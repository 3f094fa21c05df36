package org.umbrella.cli.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code umbrella serve --kafka} in a child JVM (this test's class path, the command line's
 * real main class), on a fixed port so that a restart comes back where the clients expect it. Its
 * standard output and error go to a log file, appended across restarts; the waits read it.
 */
final class ServeInstance implements AutoCloseable {
  static final String SERVING = "Umbrella is serving http://";

  final String name;
  final int port;
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;
  private volatile boolean paused;
  private long startedAt;
  private long servingAt;
  private boolean noted;

  ServeInstance(String name, int port, List<String> serveArgs, Path log) {
    this.name = name;
    this.port = port;
    List<String> c = new ArrayList<>();
    c.add(ProcessHandle.current().info().command().orElse("java"));
    // small and quick to start: ten restarts on two shared cores
    c.addAll(List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    c.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.umbrella.cli.Umbrella",
            "serve",
            "--port",
            String.valueOf(port)));
    c.addAll(serveArgs);
    this.command = List.copyOf(c);
    this.log = log;
  }

  synchronized void start() throws IOException {
    starts++;
    paused = false;
    startedAt = System.nanoTime();
    servingAt = 0;
    noted = false;
    Files.writeString(
        log, "=== start " + starts + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** What this start of the instance has printed so far. */
  String output() throws IOException {
    String text = Files.readString(log);
    int at = text.lastIndexOf("=== start " + starts + "\n");
    return at < 0 ? "" : text.substring(at);
  }

  /** Whether this start is serving HTTP (and not paused). */
  synchronized boolean serving() {
    try {
      // the log is read only until this start has said it serves
      boolean up =
          process != null
              && process.isAlive()
              && !paused
              && (servingAt != 0 || output().contains(SERVING));
      if (up && servingAt == 0) {
        servingAt = System.nanoTime();
      }
      return up;
    } catch (IOException e) {
      return false;
    }
  }

  void awaitServing(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (serving()) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + output());
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        name + " not serving within " + timeout.toSeconds() + " s:\n" + output());
  }

  /** Milliseconds from this start to the first time it was seen serving. */
  synchronized long sinceStartMs() {
    return ((servingAt == 0 ? System.nanoTime() : servingAt) - startedAt) / 1_000_000;
  }

  /** Whether this start is serving and that was not yet reported (true once per start). */
  synchronized boolean servingNoted() {
    if (noted || starts < 2 || !serving()) {
      return false;
    }
    noted = true;
    return true;
  }

  /** SIGKILL: no shutdown hook, its database sessions and open Kafka transaction left behind. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  void pause() throws Exception {
    paused = true;
    signal("STOP");
  }

  void resume() throws Exception {
    signal("CONT");
    paused = false;
  }

  private void signal(String sig) throws Exception {
    Process p =
        new ProcessBuilder("kill", "-" + sig, String.valueOf(process.pid())).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new AssertionError("kill -" + sig + " " + name + " failed");
    }
  }

  /**
   * A clean stop (SIGTERM: the shutdown hook closes the server, the Streams instance and the
   * database pool).
   */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      if (paused) {
        try {
          resume();
        } catch (Exception e) {
          // killed below if it does not stop
        }
      }
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
