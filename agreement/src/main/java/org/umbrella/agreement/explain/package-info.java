/**
 * The agreement in plain language: who guarantees whom, what triggers what, which duties with which
 * deadlines, what voids it, what each party undertakes; every clause with its citation.
 *
 * <p>Pure: a model in, text out. Depends on the model (and the loader's geodesy helpers for lengths
 * and areas).
 */
@NullMarked
package org.umbrella.agreement.explain;

import org.jspecify.annotations.NullMarked;
