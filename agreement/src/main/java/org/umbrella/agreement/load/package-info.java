/**
 * The pure agreement loader: YAML text in, a {@link org.umbrella.agreement.load.LoadResult} out,
 * holding the model or every problem found, each with file, line, column, the source line, a caret,
 * the offending value, what would be valid and "did you mean" suggestions.
 *
 * <p>Nothing here reads files: GeoJSON files named by an agreement are fetched through a {@link
 * org.umbrella.agreement.load.ResourceResolver} the caller supplies (the file-system one lives in
 * {@code org.umbrella.agreement.io}). Implementation detail is in {@code .internal}. May depend on
 * the model, SnakeYAML, Jackson, JTS and CEL.
 */
@NullMarked
package org.umbrella.agreement.load;

import org.jspecify.annotations.NullMarked;
