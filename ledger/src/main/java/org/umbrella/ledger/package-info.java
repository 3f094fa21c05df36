/**
 * The tamper-evident record: an append-only Merkle log with RFC 6962 / RFC 9162 hashing, inclusion
 * and consistency proofs and their verifiers, signed tree heads in the signed-note checkpoint
 * format, canonical JSON leaves and offline proof bundles.
 *
 * <p>Pure: no files, sockets, SQL, threads, environment or clock. Keys and times are passed in. Of
 * ours, depends only on {@code org.umbrella.json} (the one canonical JSON encoder, RFC 8785); uses
 * the JDK's {@code java.security} (SHA-256, Ed25519) and Jackson's tree model for proof files.
 */
@NullMarked
package org.umbrella.ledger;

import org.jspecify.annotations.NullMarked;
