package org.umbrella.server.web;

import java.time.Instant;
import java.util.Optional;
import org.umbrella.server.ops.Operations;

/**
 * A candidate finding the caller's party has not voted on yet, with its decision deadline: a row of
 * the findings page's "awaiting your vote" list.
 */
public record AwaitingVote(Operations.Finding finding, Optional<Instant> due) {}
