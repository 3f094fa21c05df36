/**
 * Implementation details of the ledger: number formatting for canonical JSON and small byte
 * helpers. Not API; may change without notice. Depends only on the JDK.
 */
@NullMarked
package org.umbrella.ledger.internal;

import org.jspecify.annotations.NullMarked;
