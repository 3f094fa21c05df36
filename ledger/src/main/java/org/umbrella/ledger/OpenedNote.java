package org.umbrella.ledger;

import java.util.List;

/**
 * A signed note that {@link SignedNotes#open} parsed and checked: its text, the signatures that
 * verified (one per key, in note order) and the lines of keys it did not know.
 *
 * @param text the note text, including its final newline
 * @param verified the verified signatures, each with the key that verified it
 * @param unverified signature lines of unknown keys (identical lines once), not checked
 */
public record OpenedNote(String text, List<Verified> verified, List<NoteSignature> unverified) {
  public OpenedNote {
    verified = List.copyOf(verified);
    unverified = List.copyOf(unverified);
  }

  /** A signature that verified, and the key it verified under. */
  public record Verified(NoteKey key, NoteSignature signature) {}

  /** Whether {@code key} signed the note. */
  public boolean signedBy(NoteKey key) {
    return verified.stream().anyMatch(v -> v.key().equals(key));
  }
}
