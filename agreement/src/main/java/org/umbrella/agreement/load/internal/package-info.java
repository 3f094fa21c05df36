/**
 * How the loader works: the YAML node walk, the issue collector, edit-distance suggestions, GeoJSON
 * reading and metric buffering. Not API; may change without notice.
 */
@NullMarked
package org.umbrella.agreement.load.internal;

import org.jspecify.annotations.NullMarked;
