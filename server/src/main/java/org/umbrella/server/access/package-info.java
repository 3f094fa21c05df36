/**
 * Access control: accounts and roles, party and body scoping ({@link
 * org.umbrella.server.access.AccessPolicy}, the one table of who may do what), Argon2id passwords
 * and the rules for new ones, sessions with CSRF tokens and signed pre-sessions, API tokens hashed
 * at rest with scope and expiry, credentials held beyond a request, login throttling with trusted
 * devices, and the server's signing key for its cookies.
 *
 * <p>May use JDBI (for its tables), password4j and zxcvbn4j; knows nothing of HTTP.
 */
@NullMarked
package org.umbrella.server.access;

import org.jspecify.annotations.NullMarked;
