package org.umbrella.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umbrella.server.load.LoadGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code umbrella load-test}: drives a running server with report submissions and dashboard reads
 * at fixed rates for a bounded time (see docs/benchmarks.md, section "Server").
 */
@Command(
    name = "load-test",
    mixinStandardHelpOptions = true,
    description =
        "Load a running server: report submissions (as a monitor) and dashboard reads at fixed rates, for a bounded time.")
final class LoadTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "Server base URL (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(
      names = "--user",
      defaultValue = "monitor",
      description = "A monitor account to file reports as (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--password",
      required = true,
      description = "Its password (printed by 'umbrella serve' on first start).")
  String password;

  @Option(
      names = "--reports",
      defaultValue = "1000",
      description = "Report submissions per second (default: ${DEFAULT-VALUE}).")
  int reports;

  @Option(
      names = "--reads",
      defaultValue = "200",
      description = "Dashboard reads per second (default: ${DEFAULT-VALUE}).")
  int reads;

  @Option(
      names = "--duration",
      defaultValue = "PT5M",
      description = "How long, ISO-8601 (default: ${DEFAULT-VALUE}; at most PT1H).")
  Duration duration;

  @Override
  public Integer call() throws Exception {
    String token = token();
    LoadGenerator.Plan plan;
    try {
      plan = new LoadGenerator.Plan(url, token, reports, reads, duration);
    } catch (IllegalArgumentException e) {
      throw UserException.from(e);
    }
    long errors = LoadGenerator.run(plan, spec.commandLine().getOut());
    return errors == 0 ? ExitCodes.OK : ExitCodes.USER_ERROR;
  }

  /** Signs in and issues an API token for the run. */
  private String token() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> pre =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/v1/session")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie =
        pre.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("umbrella_session="))
            .findFirst()
            .map(c -> c.substring(0, c.indexOf(';')))
            .orElseThrow(
                () -> new UserException("no session from " + url + "; is it an Umbrella server?"));
    String csrf = field(pre.body(), "csrf-token");
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/v1/session"))
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + user
                            + "\",\"password\":\""
                            + password.replace("\"", "\\\"")
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new UserException("sign-in as " + user + " failed: HTTP " + login.statusCode());
    }
    String session =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("umbrella_session="))
            .findFirst()
            .map(c -> c.substring(0, c.indexOf(';')))
            .orElseThrow();
    HttpResponse<String> issued =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/v1/me/tokens"))
                .header("Cookie", session)
                .header("X-CSRF-Token", field(login.body(), "csrf-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"load-test\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (issued.statusCode() != 201) {
      throw new UserException("could not issue an API token: HTTP " + issued.statusCode());
    }
    return field(issued.body(), "token");
  }

  static String field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "";
  }
}
