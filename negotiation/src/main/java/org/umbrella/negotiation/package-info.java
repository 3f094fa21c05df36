/**
 * The negotiation model: parties, issues, preferences with uncertainty, red lines, drafts and the
 * module's one exception root ({@link org.umbrella.negotiation.NegotiationException}).
 *
 * <p>Pure: values in, values out. Depends on no other Umbrella module; the loader takes text, never
 * a file name, so reading files stays with the caller (the command line).
 */
@NullMarked
package org.umbrella.negotiation;

import org.jspecify.annotations.NullMarked;
