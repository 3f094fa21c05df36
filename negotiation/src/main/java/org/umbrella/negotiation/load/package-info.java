/**
 * Loading {@code *.negotiation.yaml} text into (and writing a model back as) a validated {@link
 * org.umbrella.negotiation.NegotiationModel}.
 *
 * <p>Takes text and the name to report it under, never a path: the caller reads the file. Every
 * problem is reported with file:line:column and what would be valid. May use the API package and
 * the module's internal package.
 */
@NullMarked
package org.umbrella.negotiation.load;

import org.jspecify.annotations.NullMarked;
