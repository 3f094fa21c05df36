/**
 * Live updates: the event bus, Server-Sent Events to open pages (each stream holding its credential
 * and ending with it), and signed webhooks with retries, a delivery log and the rules of where they
 * may go ({@link org.umbrella.server.live.WebhookTargets}, {@link
 * org.umbrella.server.live.Network}). May use JDBI (delivery log), Javalin's SSE client and Jetty's
 * HTTP client (whose resolver can be replaced, so a delivery connects only to addresses just
 * checked).
 */
@NullMarked
package org.umbrella.server.live;

import org.jspecify.annotations.NullMarked;
