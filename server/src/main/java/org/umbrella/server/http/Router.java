package org.umbrella.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.umbrella.server.InputRules;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Credential;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.cluster.ClusterHealth;
import org.umbrella.server.cluster.ClusterStatus;
import org.umbrella.server.live.LiveHub;
import org.umbrella.server.ops.EngineQueue;

/**
 * The HTTP shell: one {@code Javalin.create(config -> ...)} that registers every {@link Route}
 * behind the same gate (authenticate, check CSRF on unsafe methods, resolve the scope, ask {@link
 * AccessPolicy}), maps every failure in one place ({@link ProblemResponses}, and {@link
 * JettyErrors} for what Jetty refuses itself), and serves {@code /health}, {@code
 * /api/openapi.json}, {@code /events} (SSE) and static assets. {@code /metrics} is a route like the
 * others (administrator, or a token scoped to {@code read-metrics}).
 */
public final class Router {
  private Router() {}

  /**
   * Builds (does not start) the server.
   *
   * @param routes the API and page routes
   */
  public static Javalin create(
      ServerComponents services, Authn authn, List<Route> routes, Metrics metrics, LiveHub live) {
    byte[] openApi =
        Json.MAPPER
            .valueToTree(OpenApi.document(routes))
            .toPrettyString()
            .getBytes(StandardCharsets.UTF_8);
    return Javalin.create(
        config -> {
          config.http.maxRequestSize = services.options().maxBodyBytes();
          config.http.defaultContentType = "application/json";
          config.startup.showJavalinBanner = false;
          config.concurrency.useVirtualThreads = true;
          config.jetty.host = services.options().host();
          config.jetty.port = services.options().port();
          // requests Jetty refuses itself get a problem document with the security headers too
          config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
          config.jetty.modifyServletContextHandler(
              handler -> handler.setErrorHandler(new JettyErrors()));
          config.staticFiles.enableWebjars();
          config.staticFiles.add(
              sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/web/static";
                sf.location = Location.CLASSPATH;
              });

          config.routes.before(
              ctx -> {
                ctx.attribute("umbrella.start", System.nanoTime());
                securityHeaders(ctx);
              });
          config.routes.after(
              ctx -> {
                Object start = ctx.attribute("umbrella.start");
                if (start instanceof Long t) {
                  metrics.observe(ctx, t);
                }
              });

          config.routes.get(
              "/health",
              ctx -> health(ctx, services.operations().engineQueue(), metrics.cluster()));
          config.routes.get(
              "/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
          config.routes.sse(
              "/events",
              client -> {
                Principal p;
                Credential credential;
                try {
                  p = authn.resolve(client.ctx());
                  credential = Authn.credential(client.ctx());
                } catch (DomainError e) {
                  p = Principal.ANONYMOUS;
                  credential = Credential.NONE;
                }
                // the stream holds the credential, not the principal: each event asks again who it
                // stands for
                live.join(client, credential, p);
              });
          services
              .options()
              .oidc()
              .ifPresent(oidc -> Logins.registerOidc(config, services, authn, oidc));
          for (Route r : routes) {
            config.routes.addHttpHandler(
                r.method(), r.path(), ctx -> gate(services, authn, r, ctx));
          }

          config.routes.exception(DomainError.class, ProblemResponses::handle);
          config.routes.exception(HttpProblem.Refused.class, ProblemResponses::handleRefused);
          config.routes.exception(HttpResponseException.class, ProblemResponses::handleJavalin);
          config.routes.exception(Exception.class, ProblemResponses::handleInternal);
          config.routes.error(
              404,
              ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                  ProblemResponses.respond(
                      ctx, 404, "not-found", "no route " + ctx.method() + " " + ctx.path(), null);
                }
              });
          config.routes.error(
              405,
              ctx ->
                  ProblemResponses.respond(
                      ctx,
                      405,
                      "method-not-allowed",
                      "method " + ctx.method() + " is not allowed on " + ctx.path(),
                      null));
        });
  }

  /**
   * Authenticates, checks CSRF, refuses text that cannot be stored in any path, query or form
   * parameter, resolves the scope, asks the policy, then runs the handler. Responses to requests
   * with credentials are not to be cached.
   */
  static void gate(ServerComponents services, Authn authn, Route route, Context ctx)
      throws Exception {
    Principal p = authn.resolve(ctx);
    if (p.account().isPresent()) {
      ctx.header("Cache-Control", "no-store");
    }
    if (route.unsafe()) {
      authn.checkCsrf(ctx, p);
    }
    storableParameters(ctx);
    if (!AccessPolicy.mayEverPerform(p, route.action())) {
      throw deny(p, route);
    }
    Scope scope;
    try {
      scope = route.scope().resolve(ctx, p);
    } catch (DomainError e) {
      throw hidden(p, route, e);
    }
    if (!AccessPolicy.allows(p, route.action(), scope)) {
      throw deny(p, route);
    }
    route.handler().handle(ctx, p);
  }

  /**
   * What a caller whose right is scoped (its own party's obligations, its own bodies' findings)
   * hears when the resource is missing: the same refusal as for another party's or body's, so that
   * nobody can tell which ids exist outside their scope. Callers who may touch any resource of the
   * kind hear the truth (404, 409).
   */
  static DomainError hidden(Principal p, Route route, DomainError e) {
    AccessPolicy.Check check = AccessPolicy.checkFor(p, route.action());
    boolean scoped =
        check == AccessPolicy.Check.OWN_PARTY || check == AccessPolicy.Check.BODY_MEMBER;
    return scoped && (e instanceof DomainError.NotFound || e instanceof DomainError.Conflict)
        ? deny(p, route)
        : e;
  }

  /** Refuses a NUL or unpaired surrogate in any path, query or form parameter, naming it. */
  static void storableParameters(Context ctx) {
    ctx.pathParamMap().forEach((name, value) -> InputRules.text(name, value));
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              InputRules.text("?" + name, name);
              values.forEach(v -> InputRules.text("?" + name, v));
            });
    if (Authn.isForm(ctx)) {
      ctx.formParamMap()
          .forEach(
              (name, values) -> {
                InputRules.text(name, name);
                values.forEach(v -> InputRules.text(name, v));
              });
    }
  }

  static DomainError deny(Principal p, Route route) {
    if (p.account().isEmpty()) {
      return new DomainError.Unauthenticated();
    }
    return new DomainError.Forbidden(
        "a "
            + p.account().get().role().slug()
            + " of "
            + p.account().get().affiliation()
            + " may not "
            + route.action().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + " here");
  }

  /**
   * {@code GET /health}: {@code ok}, or {@code degraded} while the engine lags (its queue full, or
   * its oldest change older than 30 s), with the queue's depth, limit and oldest age. Degraded
   * still answers 200: the server serves, reads and reviews work, and filing is only slowed.
   */
  static void health(Context ctx, EngineQueue engine) {
    health(ctx, engine, Optional.empty());
  }

  /**
   * As {@link #health(Context, org.umbrella.server.ops.EngineQueue)}, with cluster mode's part:
   * whether this instance leads, the bridge's shipped and recorded entries and output lag, and the
   * Streams instance's state, rebalances, active and standby tasks and store lag. Degraded too
   * while the Streams instance is not RUNNING or the leader's ingest stopped. Carries no client
   * settings.
   */
  static void health(Context ctx, EngineQueue engine, Optional<ClusterHealth> cluster) {
    ObjectNode h = Json.MAPPER.createObjectNode();
    boolean clusterTrouble =
        cluster
            .map(
                c ->
                    !"RUNNING".equals(c.streams().state())
                        || c.bridge().flatMap(ClusterStatus::ingestFailure).isPresent())
            .orElse(false);
    h.put("status", engine.lagging() || clusterTrouble ? "degraded" : "ok");
    ObjectNode e = h.putObject("engine");
    e.put("queue-depth", engine.depth());
    e.put("queue-limit", engine.limit());
    e.put("oldest-age-seconds", engine.oldestAge().toMillis() / 1000.0);
    e.put("lagging", engine.lagging());
    cluster.ifPresent(
        c -> {
          ObjectNode k = h.putObject("cluster");
          k.put("role", c.leader() ? "leader" : "follower");
          k.put("leaderships", c.leaderships());
          c.bridge()
              .ifPresent(
                  b -> {
                    k.put("shipped-through", b.shippedThrough());
                    k.put("recorded-through", b.recordedThrough());
                    k.put("output-lag", b.outputLag());
                    b.ingestFailure().ifPresent(f -> k.put("ingest-failure", f));
                  });
          ObjectNode s = k.putObject("streams");
          s.put("state", c.streams().state());
          s.put("rebalances", c.streams().rebalances());
          c.streams().activeTasks().forEach(s.putArray("active-tasks")::add);
          c.streams().standbyTasks().forEach(s.putArray("standby-tasks")::add);
          s.put("store-lag", c.streams().storeLag());
        });
    ctx.contentType("application/json").result(h.toString());
  }

  /** Headers on every response: no framing, no sniffing, a strict content security policy. */
  static void securityHeaders(Context ctx) {
    SecurityHeaders.ALL.forEach(ctx::header);
  }
}
