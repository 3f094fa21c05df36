/**
 * The store and ledger commands: {@code umbrella import} and {@code umbrella ledger verify | proof
 * | check-proof | public-key | rotate-key}, {@code umbrella backup} and {@code restore}. Thin
 * shells over the store and ledger modules; user errors become {@link
 * org.umbrella.cli.UserException}.
 */
@NullMarked
package org.umbrella.cli.store;

import org.jspecify.annotations.NullMarked;
