/**
 * The guarantee-design stress test (docs/stress-test.md): runs several agreement designs over the
 * same events, as recorded and under the evidence's uncertainty (attribution, place, fatalities,
 * sources), and reports what each design would have triggered and how sure that is.
 *
 * <p>A functional core: takes agreements and input records, returns a {@link
 * org.umbrella.stress.StressReport} and its JSON and HTML texts. No files, sockets or clock; the
 * only concurrency is an optional parallel stream over (design, sample) runs, whose results are put
 * back in a fixed order so that the report does not depend on scheduling. May depend on the {@code
 * agreement}, {@code engine} and {@code evidence} modules.
 */
@NullMarked
package org.umbrella.stress;

import org.jspecify.annotations.NullMarked;
