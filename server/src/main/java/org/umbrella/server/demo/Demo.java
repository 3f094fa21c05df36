package org.umbrella.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Provision;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.server.access.Accounts;
import org.umbrella.server.access.Passwords;
import org.umbrella.server.access.Role;
import org.umbrella.server.http.Json;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;

/**
 * The demo: one account per role (plus body members and guarantor representatives of several
 * parties), and a stream of reports, reviews, votes and answers replayed from {@code
 * demo/ukraine-demo.jsonl} through the real workflow and engine, so every page has content.
 */
public final class Demo {
  /** The fixture the project owns (invented incidents near the modelled line of contact). */
  public static final String FIXTURE = "/demo/ukraine-demo.jsonl";

  /** A demo account and its generated password (shown once). */
  public record Credential(String username, Role role, String party, String password) {}

  private Demo() {}

  /** The demo accounts to create: username, role, party (null for the mechanism). */
  static List<String[]> accountPlan() {
    return List.of(
        new String[] {"admin", "administrator", null},
        new String[] {"monitor", "monitor", null},
        new String[] {"verifier", "verifier", null},
        new String[] {"body-us", "body-member", "US"},
        new String[] {"body-gb", "body-member", "GB"},
        new String[] {"body-fr", "body-member", "FR"},
        new String[] {"body-ua", "body-member", "UA"},
        new String[] {"body-eu", "body-member", "EU"},
        new String[] {"body-nato", "body-member", "NATO"},
        new String[] {"guarantor-us", "guarantor-representative", "US"},
        new String[] {"guarantor-gb", "guarantor-representative", "GB"},
        new String[] {"observer", "observer", null});
  }

  /** Creates the demo accounts with generated passwords; returns them for printing once. */
  public static List<Credential> createAccounts(Accounts accounts) {
    List<Credential> out = new ArrayList<>();
    for (String[] a : accountPlan()) {
      String password = Passwords.generate();
      Role role = Role.fromSlug(a[1]).orElseThrow();
      accounts.create(a[0], "Demo " + a[0], role, Optional.ofNullable(a[2]), password);
      out.add(new Credential(a[0], role, a[2] == null ? "mechanism" : a[2], password));
    }
    return out;
  }

  /**
   * The agreement as the demo runs it: the published draft gives the ceasefire no date, so the demo
   * takes it to be in force from {@code ceasefireAt}; everything else is unchanged.
   */
  public static Agreement withCeasefireInForce(Agreement a, Instant ceasefireAt) {
    Map<String, Provision> provisions = new LinkedHashMap<>(a.provisions());
    Provision p = provisions.get("ceasefire");
    if (p == null || p.inForce().isPresent()) {
      return a;
    }
    provisions.put(
        "ceasefire",
        new Provision(
            p.id(),
            p.title(),
            p.text(),
            p.category(),
            p.obligors(),
            Optional.of(ceasefireAt),
            p.due(),
            p.quantity(),
            p.cites()));
    return new Agreement(
        a.format(),
        a.id(),
        a.version(),
        a.supersedes(),
        a.title(),
        a.status(),
        a.notice(),
        a.sources(),
        a.parties(),
        a.places(),
        a.bodies(),
        a.findings(),
        a.guarantees(),
        provisions,
        a.consequences(),
        a.basis(),
        a.labels());
  }

  /** When the demo's ceasefire took effect, relative to the seeding moment. */
  public static final Duration CEASEFIRE_BEFORE = Duration.ofDays(8);

  /**
   * Replays the fixture through {@code ops}, each record at {@code now} minus its offset, with
   * {@code clock} pinned to that moment; returns the number of records replayed.
   */
  public static int seed(Operations ops, SeedableClock clock, Instant now) {
    List<JsonNode> lines = read();
    lines.sort(
        Comparator.comparing((JsonNode n) -> Duration.parse(n.get("offset").asText())).reversed());
    int n = 0;
    try {
      for (JsonNode line : lines) {
        Instant at = now.minus(Duration.parse(line.get("offset").asText()));
        clock.pin(at);
        switch (line.get("type").asText()) {
          case "report" -> report(ops, line, at);
          case "provision" ->
              ops.reportProvision(
                  line.get("provision").asText(),
                  line.get("level").asInt(),
                  line.get("note").asText(),
                  "demo-verifier");
          case "vote" -> vote(ops, line);
          case "answer" -> answer(ops, line);
          default ->
              throw new IllegalStateException("unknown demo record type " + line.get("type"));
        }
        n++;
      }
    } finally {
      clock.release();
    }
    return n;
  }

  private static void report(Operations ops, JsonNode line, Instant at) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("time", at.minus(Duration.ofMinutes(40)).toString());
    body.put("time-precision", "exact");
    body.put("kind", line.get("kind").asText());
    ObjectNode place = body.putObject("place");
    place.put("lat", line.get("lat").asDouble());
    place.put("lon", line.get("lon").asDouble());
    place.put("precision", line.get("place-precision").asText());
    ObjectNode actor = body.putObject("actor");
    actor.put("party", line.get("actor").asText());
    actor.put("confidence", line.get("confidence").asDouble());
    body.put("target", line.get("target").asText());
    body.set("fatalities", line.get("fatalities"));
    body.set("sources", line.get("sources"));
    body.put("summary", line.get("summary").asText());
    Report r = ops.fileReport(ReportInput.parse(body), "demo-monitor");
    ops.awaitEngine(); // the demo replays in order, at pinned times: let the engine see it now
    String status = line.get("status").asText();
    // the review workflow's steps (store ReviewRules): verified only after corroborated
    if (status.equals("verified") || status.equals("corroborated")) {
      ops.review(
          r.id(),
          "corroborated",
          line.get("actor").asText(),
          line.get("confidence").asDouble(),
          "demo review: sources from independent groups",
          "demo-verifier");
    }
    if (status.equals("verified") || status.equals("rejected")) {
      ops.review(
          r.id(),
          status,
          status.equals("verified") ? "" : line.get("actor").asText(),
          status.equals("verified") ? 0 : line.get("confidence").asDouble(),
          "demo review",
          "demo-verifier");
    }
  }

  private static void vote(Operations ops, JsonNode line) {
    List<Operations.Finding> candidates =
        new ArrayList<>(
            ops
                .findings(
                    EnumSet.of(
                        FindingStatus.CANDIDATE, FindingStatus.CONFIRMED, FindingStatus.REJECTED),
                    500,
                    0)
                .stream()
                .filter(f -> f.definition().equals(line.get("definition").asText()))
                .toList());
    candidates.sort(Comparator.comparing(Operations.Finding::raisedAt));
    int nth = line.get("nth").asInt();
    if (candidates.size() < nth) {
      return; // the engine did not raise it (for example without an active guarantee); nothing to
      // vote on
    }
    Operations.Finding f = candidates.get(nth - 1);
    line.get("votes")
        .properties()
        .forEach(
            e -> {
              if (ops.finding(f.id())
                  .map(current -> current.status() == FindingStatus.CANDIDATE)
                  .orElse(false)) {
                ops.vote(
                    f.id(),
                    e.getKey(),
                    e.getValue().asText(),
                    "body-" + e.getKey().toLowerCase(Locale.ROOT));
              }
            });
  }

  private static void answer(Operations ops, JsonNode line) {
    ops
        .obligations(
            Optional.of(line.get("party").asText()), EnumSet.of(ObligationStatus.PENDING), 500, 0)
        .stream()
        .filter(o -> o.duty().equals(line.get("duty").asText()))
        .findFirst()
        .ifPresent(
            o ->
                ops.answer(
                    o.id(),
                    line.get("answer").asText(),
                    line.get("decision").asText(),
                    line.get("note").asText(),
                    "guarantor-" + o.party().toLowerCase(Locale.ROOT)));
  }

  static List<JsonNode> read() {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = Demo.class.getResourceAsStream(FIXTURE)) {
      if (in == null) {
        throw new IllegalStateException(
            "demo fixture " + FIXTURE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = Json.MAPPER.readTree(line);
        if (!n.get("type").asText().equals("comment")) {
          out.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
