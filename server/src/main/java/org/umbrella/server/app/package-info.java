/**
 * The server's application layer: what the workflow refuses and why, in the domain's words ({@link
 * org.umbrella.server.app.DomainError}), and the commands a client can give, each a record
 * validated once when it is made. Nothing here knows HTTP: the HTTP shell maps a domain error to an
 * RFC 9457 problem in one place (in the HTTP package) and the pages map it to a form's errors in
 * one place ({@code org.umbrella.server.web.FormErrors}).
 */
@NullMarked
package org.umbrella.server.app;

import org.jspecify.annotations.NullMarked;
