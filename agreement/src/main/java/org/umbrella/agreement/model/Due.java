package org.umbrella.agreement.model;

/**
 * A provision's deadline: {@code within} after another provision enters into force.
 *
 * @param after the id of the provision whose entry into force starts the clock
 * @param within the time allowed
 */
public record Due(String after, TimeSpan within) {}
