/**
 * Access control: accounts and roles, party and body scoping ({@link
 * org.umbrella.server.access.AccessPolicy}, the one table of who may do what), Argon2id
 * passwords, sessions with CSRF tokens, API tokens hashed at rest, and login throttling.
 *
 * <p>May use JDBI (for its tables) and password4j; knows nothing of HTTP.
 */
package org.umbrella.server.access;
