package org.umbrella.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Passwords;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Role;
import org.umbrella.server.app.Command;
import org.umbrella.server.ops.ReportVocabulary;

/**
 * The OpenAPI 3.1 document of the API, generated from the same {@link Route} table the router
 * registers, so the two cannot drift apart; request schemas are written here once.
 */
public final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([a-z-]+)}");

  private OpenApi() {}

  /** The document for {@code routes} (only those under {@code /api/v1} are included). */
  public static ObjectNode document(List<Route> routes) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("openapi", "3.1.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Umbrella operations API");
    info.put("version", "1");
    info.put(
        "description",
        "Incident reports and reviews, findings and votes, obligations and answers, guarantee status. "
            + "Errors are RFC 9457 problem documents (application/problem+json) with a 'field' member naming the input to blame. "
            + "Lists take limit (1-500, default 50) and offset; report lists also from, to, kind, status and bbox. "
            + "Request bodies are limited to 64 KiB. Authenticate with the session cookie (plus X-CSRF-Token on unsafe methods) or 'Authorization: Bearer <API token>'.");
    ObjectNode components = doc.putObject("components");
    ObjectNode schemes = components.putObject("securitySchemes");
    schemes.putObject("token").put("type", "http").put("scheme", "bearer");
    schemes
        .putObject("session")
        .put("type", "apiKey")
        .put("in", "cookie")
        .put("name", Authn.COOKIE);
    ObjectNode schemas = components.putObject("schemas");
    schemas(schemas);
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      if (!r.api()) {
        continue;
      }
      String path = r.path().replaceAll("<([a-z-]+)>", "{$1}");
      ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
      ObjectNode op = item.putObject(r.method().name().toLowerCase(Locale.ROOT));
      op.put("summary", r.summary());
      op.put(
          "operationId",
          r.method().name().toLowerCase(Locale.ROOT) + path.replaceAll("[^a-zA-Z]+", "_"));
      op.put("x-umbrella-action", r.action().name());
      ArrayNode roles = op.putArray("x-umbrella-roles");
      if (AccessPolicy.PUBLIC.contains(r.action())) {
        roles.add("public");
      }
      for (Role role : Role.values()) {
        AccessPolicy.Check c = AccessPolicy.row(r.action()).get(role);
        if (c != null) {
          roles.add(
              role.slug()
                  + (c == AccessPolicy.Check.ANY
                      ? ""
                      : " (" + c.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")"));
        }
      }
      ArrayNode params = op.putArray("parameters");
      Matcher m = PARAM.matcher(path);
      while (m.find()) {
        ObjectNode p = params.addObject();
        p.put("name", m.group(1)).put("in", "path").put("required", true);
        p.putObject("schema").put("type", "string");
      }
      if ((r.method().name().equals("GET")
              && r.summary().toLowerCase(Locale.ROOT).contains("newest first"))
          || r.path().endsWith("/reports")
          || r.path().endsWith("/findings")
          || r.path().endsWith("/obligations")) {
        if (r.method().name().equals("GET")) {
          for (String q : List.of("limit", "offset")) {
            params
                .addObject()
                .put("name", q)
                .put("in", "query")
                .putObject("schema")
                .put("type", "integer");
          }
        }
      }
      if ((r.path().endsWith("/reports") && r.method().name().equals("GET"))
          || r.path().endsWith("/timeline")) {
        for (String q : List.of("from", "to", "kind", "status", "bbox")) {
          params
              .addObject()
              .put("name", q)
              .put("in", "query")
              .putObject("schema")
              .put("type", "string");
        }
      }
      if (r.path().endsWith("/identities") && r.method().name().equals("DELETE")) {
        for (String q : List.of("issuer", "subject")) {
          params
              .addObject()
              .put("name", q)
              .put("in", "query")
              .put("required", true)
              .putObject("schema")
              .put("type", "string");
        }
      }
      if (r.requestBody() != null) {
        ObjectNode body = op.putObject("requestBody").put("required", true);
        body.putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("$ref", "#/components/schemas/" + r.requestBody());
      }
      ObjectNode responses = op.putObject("responses");
      responses
          .putObject(
              r.method().name().equals("POST")
                      && r.requestBody() != null
                      && !r.path().endsWith("/session")
                      && !r.path().contains("/reviews")
                      && !r.path().contains("/votes")
                      && !r.path().contains("/answers")
                  ? "201"
                  : "200")
          .put("description", "success");
      for (String code : List.of("400", "401", "403", "404", "409", "413", "415", "429")) {
        responses
            .putObject(code)
            .put("description", ProblemResponses.title(Integer.parseInt(code)))
            .putObject("content")
            .putObject("application/problem+json")
            .putObject("schema")
            .put("$ref", "#/components/schemas/Problem");
      }
      ArrayNode security = op.putArray("security");
      if (AccessPolicy.PUBLIC.contains(r.action())) {
        security.addObject();
      }
      security.addObject().putArray("token");
      security.addObject().putArray("session");
    }
    return doc;
  }

  private static void schemas(ObjectNode s) {
    ObjectNode problem = object(s, "Problem", "type", "title", "status", "detail");
    prop(problem, "type", "string");
    prop(problem, "title", "string");
    prop(problem, "status", "integer");
    prop(problem, "detail", "string");
    prop(problem, "instance", "string");
    prop(problem, "field", "string")
        .put("description", "JSON pointer (/place/lat) or query parameter (?limit) to blame");

    ObjectNode report = object(s, "NewReport", "time", "kind", "place", "sources");
    prop(report, "time", "string").put("format", "date-time");
    prop(report, "time-precision", "string").set("enum", enumOf(ReportVocabulary.TIME_PRECISIONS));
    prop(report, "kind", "string").set("enum", enumOf(ReportVocabulary.INCIDENT_KINDS));
    ObjectNode place = prop(report, "place", "object");
    place.putArray("required").add("lat").add("lon");
    ObjectNode pp = place.putObject("properties");
    pp.putObject("lat").put("type", "number").put("minimum", -90).put("maximum", 90);
    pp.putObject("lon").put("type", "number").put("minimum", -180).put("maximum", 180);
    pp.putObject("precision")
        .put("type", "string")
        .set("enum", enumOf(ReportVocabulary.PLACE_PRECISIONS));
    ObjectNode actor = prop(report, "actor", "object").putObject("properties");
    actor.putObject("party").put("type", "string");
    actor.putObject("confidence").put("type", "number").put("minimum", 0).put("maximum", 1);
    prop(report, "target", "string");
    ObjectNode fat = prop(report, "fatalities", "object").putObject("properties");
    for (String f : List.of("low", "best", "high")) {
      fat.putObject(f).put("type", "integer").put("minimum", 0);
    }
    ObjectNode sources = prop(report, "sources", "array").put("minItems", 1).put("maxItems", 50);
    ObjectNode src = sources.putObject("items").put("type", "object");
    src.putArray("required").add("id");
    ObjectNode sp = src.putObject("properties");
    for (String f : List.of("id", "kind", "group")) {
      sp.putObject(f).put("type", "string");
    }
    prop(report, "tags", "array").putObject("items").put("type", "string");
    prop(report, "summary", "string").put("maxLength", 4000);
    report.put("additionalProperties", false);

    ObjectNode review = object(s, "Review", "status");
    prop(review, "status", "string").set("enum", enumOf(Command.ReviewReport.DECISIONS));
    ObjectNode ra = prop(review, "actor", "object").putObject("properties");
    ra.putObject("party").put("type", "string");
    ra.putObject("confidence").put("type", "number");
    prop(review, "note", "string").put("maxLength", 4000);

    prop(object(s, "Vote", "vote"), "vote", "string").set("enum", enumOf(Command.VOTES));
    ObjectNode answer = object(s, "Answer", "answer");
    prop(answer, "answer", "string").set("enum", enumOf(Command.ANSWERS));
    prop(answer, "decision", "string");
    prop(answer, "note", "string");
    ObjectNode provision = object(s, "ProvisionReport", "level");
    ((ObjectNode) provision.get("properties"))
        .putObject("level")
        .put("type", "integer")
        .put("minimum", 0)
        .put("maximum", 3);
    prop(provision, "note", "string");
    ObjectNode login = object(s, "Login", "username", "password");
    prop(login, "username", "string");
    prop(login, "password", "string").put("format", "password");
    ObjectNode token = object(s, "NewToken", "label");
    prop(token, "label", "string").put("maxLength", 100);
    ObjectNode scope = prop(token, "scope", "array");
    List<String> scopes = new ArrayList<>(List.of("read-only"));
    Arrays.stream(Permission.values()).map(Permission::slug).forEach(scopes::add);
    scope.putObject("items").put("type", "string").set("enum", enumOf(scopes));
    prop(token, "expires-at", "string").put("format", "date-time");
    ObjectNode account = object(s, "NewAccount", "username", "role", "password");
    prop(account, "username", "string");
    prop(account, "display-name", "string");
    prop(account, "role", "string")
        .set("enum", enumOf(Arrays.stream(Role.values()).map(Role::slug).toList()));
    prop(account, "party", "string");
    prop(account, "password", "string").put("minLength", 12).put("maxLength", Passwords.MAX_LENGTH);
    prop(account, "email", "string").put("format", "email");
    ObjectNode identity = object(s, "Identity", "issuer", "subject");
    prop(identity, "issuer", "string").put("format", "uri");
    prop(identity, "subject", "string").put("maxLength", 255);
    ObjectNode hook = object(s, "NewWebhook", "url", "secret");
    prop(hook, "url", "string").put("format", "uri");
    prop(hook, "secret", "string").put("minLength", 16);
    prop(hook, "events", "string");
  }

  private static ObjectNode object(ObjectNode schemas, String name, String... required) {
    ObjectNode o = schemas.putObject(name).put("type", "object");
    ArrayNode req = o.putArray("required");
    for (String r : required) {
      req.add(r);
    }
    o.putObject("properties");
    return o;
  }

  private static ObjectNode prop(ObjectNode object, String name, String type) {
    return ((ObjectNode) object.get("properties")).putObject(name).put("type", type);
  }

  private static ArrayNode enumOf(List<String> values) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }
}
