package org.umbrella.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which witnesses a verifier trusts and how many of them must have cosigned a checkpoint before it
 * is believed (for example 3 of the 5 parties): a split view then needs that many witnesses to
 * collude with the log operator.
 *
 * @param witnesses the trusted witnesses' cosignature keys (distinct)
 * @param quorum how many distinct trusted witnesses must have cosigned; 0 trusts the log alone
 */
public record WitnessPolicy(List<CosignatureVerifier> witnesses, int quorum) {
  public WitnessPolicy {
    witnesses = List.copyOf(new LinkedHashSet<>(witnesses));
    if (quorum < 0 || quorum > witnesses.size()) {
      throw new IllegalArgumentException(
          "the quorum must be between 0 and the number of trusted witnesses ("
              + witnesses.size()
              + "), was "
              + quorum);
    }
  }

  /** The policy that trusts the log's signature alone. */
  public static WitnessPolicy logOnly() {
    return new WitnessPolicy(List.of(), 0);
  }

  /**
   * Checks a cosigned checkpoint: signed by one of the log's keys and cosigned by at least {@link
   * #quorum} of the trusted witnesses; returns the checkpoint.
   *
   * @throws MalformedInputException if the note or checkpoint is malformed
   * @throws InvalidSignatureException if no log key signed it or a known key's signature fails
   * @throws QuorumNotMetException if too few trusted witnesses cosigned it
   */
  public Checkpoint check(String note, Collection<NoteVerifier> logKeys) {
    List<NoteKey> known = new ArrayList<>(logKeys);
    known.addAll(witnesses);
    OpenedNote opened = SignedNotes.open(note, known);
    if (logKeys.stream().noneMatch(opened::signedBy)) {
      throw new InvalidSignatureException(
          "the checkpoint carries no valid signature by the log's key"
              + (logKeys.size() == 1 ? " " + logKeys.iterator().next().encoded() : "s"));
    }
    Checkpoint cp = Checkpoint.parse(opened.text());
    long cosigned = witnesses.stream().filter(opened::signedBy).count();
    if (cosigned < quorum) {
      throw new QuorumNotMetException(
          "the checkpoint of size "
              + cp.size()
              + " is cosigned by "
              + cosigned
              + " of the "
              + witnesses.size()
              + " trusted witnesses; the policy needs "
              + quorum);
    }
    return cp;
  }
}
