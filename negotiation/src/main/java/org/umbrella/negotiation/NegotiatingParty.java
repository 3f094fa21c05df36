package org.umbrella.negotiation;

/**
 * A party to the negotiation.
 *
 * @param id the short id used throughout the file ({@code UA})
 * @param name the full name
 * @param at where it is declared
 */
public record NegotiatingParty(String id, String name, Location at) {}
