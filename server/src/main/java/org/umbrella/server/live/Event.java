package org.umbrella.server.live;

import java.time.Instant;

/**
 * Something that happened which open pages and webhooks should hear about.
 *
 * @param type dotted event type: {@code report.filed}, {@code report.reviewed}, {@code
 *     finding.voted}, {@code obligation.answered}, ...
 * @param subject the id of what changed
 * @param summary one human line, plain text
 * @param audience who may see it: "public", "mechanism" (signed-in accounts), "party:US" or
 *     "body:special-commission"
 */
public record Event(String type, String subject, String summary, String audience, Instant at) {}
