/**
 * The immutable model of an agreement: records and sealed types for parties, places, bodies,
 * findings, guarantees, provisions, consequences, sources and citations.
 *
 * <p>Values here are produced by the loader ({@link org.umbrella.agreement.load.AgreementLoader})
 * after every reference has been checked, so a model value never dangles: each id it names exists
 * in the same {@link org.umbrella.agreement.model.Agreement}. Collections are unmodifiable and keep
 * the order of the file. May depend on JTS (geometry) and CEL (conditions); nothing else of ours.
 */
@NullMarked
package org.umbrella.agreement.model;

import org.jspecify.annotations.NullMarked;
