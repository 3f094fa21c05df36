/**
 * The enforcement engine: given an agreement and a time-ordered stream of input records, it decides
 * findings, obligations, status changes and alerts (docs/engine.md).
 *
 * <p>Pure: no files, sockets, threads or clock; time comes from the records (record times drive the
 * clock and deadlines, claimed times place incidents in windows). May depend on the {@code
 * agreement} module, Jackson (for the JSON Lines codecs), CEL and JTS.
 */
@NullMarked
package org.umbrella.engine;

import org.jspecify.annotations.NullMarked;
