package org.umbrella.negotiation;

/**
 * A public source cited by red lines, preferences or drafts.
 *
 * @param id the id used in {@code cites:}
 * @param url where to read it
 * @param title what it is (may be empty)
 */
public record CitedSource(String id, String url, String title) {}
