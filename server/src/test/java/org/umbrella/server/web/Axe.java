package org.umbrella.server.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility rules engine, run in the test's browser on the page it shows. The
 * script comes from the npm package {@code axe-core} (MPL-2.0), fetched with {@code npm pack} into
 * {@code target/axe-core} at test time and never served by the application; without npm or the
 * registry the checks skip with a message.
 */
final class Axe {
  static final String VERSION = "4.11.0";
  static final Path DIR = Path.of("target/axe-core");
  static final Path SCRIPT = DIR.resolve("package/axe.min.js");

  private Axe() {}

  /**
   * The script's text, fetching the package on first use; empty (with the reason printed) when it
   * cannot be had.
   */
  static synchronized Optional<String> script() {
    try {
      if (!Files.isRegularFile(SCRIPT)) {
        Files.createDirectories(DIR);
        run(List.of("npm", "pack", "axe-core@" + VERSION, "--pack-destination", DIR.toString()));
        run(
            List.of(
                "tar",
                "xzf",
                DIR.resolve("axe-core-" + VERSION + ".tgz").toString(),
                "-C",
                DIR.toString()));
      }
      return Optional.of(Files.readString(SCRIPT));
    } catch (Exception e) {
      System.err.println(
          "axe-core checks skipped: could not fetch the npm package axe-core@"
              + VERSION
              + " ("
              + e.getMessage()
              + ")");
      return Optional.empty();
    }
  }

  private static void run(List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  /**
   * The serious and critical violations on {@code d}'s page, one line each: rule, help text, how
   * many elements, the first few selectors.
   */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(WebDriver d, String script) {
    JavascriptExecutor js = (JavascriptExecutor) d;
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    js.executeScript(script);
    Object out =
        js.executeAsyncScript(
            """
        var done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
          done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
            .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.length + ') '
              + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); }));
        }, function (e) { done(['axe failed: ' + e]); });""");
    return (List<String>) out;
  }
}
