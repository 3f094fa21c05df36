package org.umbrella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve --oidc-...}, {@code --engine-queue} and {@code --webhook-allow}: incomplete or wrong
 * settings stop the server before anything starts.
 */
class ServeOidcOptionsTest {
  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Umbrella.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new String[] {Integer.toString(exit), err.toString()};
  }

  @Test
  void serve_partialOidcOptions_isAUserError() {
    String[] r = run("serve", "--oidc-issuer", "https://idp.example.org", "--port", "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1])
        .contains("needs all of --oidc-issuer, --oidc-client-id and --oidc-client-secret-file");
  }

  @Test
  void serve_missingSecretFile_isAUserError(@TempDir Path tmp) {
    String[] r =
        run(
            "serve",
            "--oidc-issuer",
            "https://idp.example.org",
            "--oidc-client-id",
            "umbrella",
            "--oidc-client-secret-file",
            tmp.resolve("absent").toString(),
            "--port",
            "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("absent: no such file");
  }

  @Test
  void serve_plainHttpIssuerOffLoopback_isAUserError(@TempDir Path tmp) throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret"), "s\n");
    String[] r =
        run(
            "serve",
            "--oidc-issuer",
            "http://idp.example.org",
            "--oidc-client-id",
            "umbrella",
            "--oidc-client-secret-file",
            secret.toString(),
            "--port",
            "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("must be an https URL");
  }

  @Test
  void serve_engineQueueBelowOne_isAUserError() {
    String[] r = run("serve", "--engine-queue", "0", "--port", "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--engine-queue must be at least 1, was 0");
  }

  @Test
  void serve_malformedWebhookAllow_isAUserError() {
    String[] r = run("serve", "--webhook-allow", "10.0.0.0/33", "--port", "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--webhook-allow").contains("10.0.0.0/33");
    String[] name = run("serve", "--webhook-allow", "hooks.corp.example,bad host!", "--port", "0");
    assertThat(name[0]).isEqualTo("1");
    assertThat(name[1]).contains("not a network (CIDR) nor a host name: bad host!");
  }
}
