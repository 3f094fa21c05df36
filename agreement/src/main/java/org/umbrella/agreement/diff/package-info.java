/**
 * The semantic diff between two versions of an agreement: clauses added, removed and changed, by
 * meaning ("guarantee term 10y -> 15y", "void-if gains unprovoked-strike-on-capitals"), not by
 * text.
 *
 * <p>Pure: two models in, a list of changes out. Depends on the model only.
 */
@NullMarked
package org.umbrella.agreement.diff;

import org.jspecify.annotations.NullMarked;
