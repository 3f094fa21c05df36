package org.umbrella.server;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.server.access.Accounts;
import org.umbrella.server.access.ApiTokens;
import org.umbrella.server.access.LoginThrottle;
import org.umbrella.server.access.Sessions;
import org.umbrella.server.live.EventBus;
import org.umbrella.server.live.Webhooks;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.web.Library;

/** Everything the HTTP shell calls, built once by {@link UmbrellaServer}. */
public record ServerComponents(
    Jdbi jdbi,
    Clock clock,
    Accounts accounts,
    Sessions sessions,
    ApiTokens tokens,
    LoginThrottle throttle,
    EventBus events,
    Operations operations,
    Webhooks webhooks,
    ServerOptions options,
    Library library) {}
