/**
 * The operations server: {@link org.umbrella.server.UmbrellaServer} wires access control, the
 * review and enforcement workflow, live updates and webhooks to the HTTP shell. Beside it: the
 * errors every layer reports ({@link org.umbrella.server.app.DomainError}), what any input must
 * satisfy before it is stored ({@link org.umbrella.server.InputRules}) and what of an exception may
 * be logged ({@link org.umbrella.server.Redaction}). May depend on every Umbrella module below it;
 * nothing but the command line depends on it.
 */
@NullMarked
package org.umbrella.server;

import org.jspecify.annotations.NullMarked;
