package org.umbrella.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision of a transparency-log witness (C2SP {@code tlog-witness}, {@code add-checkpoint}):
 * given the witness's record of a log and a request, either cosign (and say what the record
 * becomes) or refuse with the status the specification assigns. Pure: the shell keeps the record,
 * persists the new one before answering, and serialises requests per log.
 *
 * <p>A checkpoint is cosigned only if it is validly signed by a key the witness trusts for its
 * origin, the client's old size is the size the witness last cosigned, and the consistency proof
 * shows the new tree extends that one (for the same size: the same root). So a log that shows two
 * different trees to two parties (a split view) cannot have both cosigned by a witness that saw
 * either.
 *
 * <p>Key rotation: a checkpoint signed by a trusted key that carries the extension line {@code
 * rotate-key <verifier key>} and is also signed by that new key hands the log over to the new key;
 * the witness then trusts the new key alone for that origin.
 */
public final class Witness {
  /** The extension line prefix by which a log announces its next key. */
  public static final String ROTATE_KEY = "rotate-key ";

  private final CosignatureSigner signer;

  public Witness(CosignatureSigner signer) {
    this.signer = signer;
  }

  /** The witness's cosignature key, to publish. */
  public CosignatureVerifier verifier() {
    return signer.verifier();
  }

  /** What {@link #addCheckpoint} decided. */
  public sealed interface Outcome {}

  /**
   * Cosigned: persist {@code next}, then answer 200 with {@code signatureLines}.
   *
   * @param next the record of the log after this checkpoint
   * @param signatureLines the cosignature line(s), newline-terminated
   * @param checkpoint the checkpoint cosigned
   */
  public record Cosigned(WitnessedLog next, String signatureLines, Checkpoint checkpoint)
      implements Outcome {}

  /**
   * Refused with an HTTP status and a reason.
   *
   * @param status 400, 403, 404, 409 or 422 as {@code tlog-witness} assigns
   * @param reason what was wrong, for the body
   * @param knownSize for 409: the size of the latest cosigned checkpoint, else -1
   * @param misbehaviour true when the log validly signed a checkpoint that is not consistent with
   *     what the witness saw: evidence worth keeping
   */
  public record Refused(int status, String reason, long knownSize, boolean misbehaviour)
      implements Outcome {}

  /**
   * Decides on {@code request} for a log the witness knows as {@code log} (empty: an unknown
   * origin), at {@code now} (POSIX seconds).
   */
  public Outcome addCheckpoint(AddCheckpointRequest request, Optional<WitnessedLog> log, long now) {
    if (log.isEmpty()) {
      return refuse(404, "unknown log origin '" + request.claimedOrigin() + "'");
    }
    WitnessedLog known = log.get();
    OpenedNote opened;
    Checkpoint cp;
    List<NoteKey> keys = new ArrayList<>(known.keys());
    Optional<NoteVerifier> next;
    try {
      next = announcedKey(request.note(), known.origin());
      next.filter(k -> !known.keys().contains(k)).ifPresent(keys::add);
      opened = SignedNotes.open(request.note(), keys);
      cp = Checkpoint.parse(opened.text());
    } catch (InvalidSignatureException e) {
      return refuse(403, Objects.requireNonNullElse(e.getMessage(), "invalid signature"));
    } catch (MalformedInputException e) {
      return refuse(400, Objects.requireNonNullElse(e.getMessage(), "malformed note"));
    }
    if (known.keys().stream().noneMatch(opened::signedBy)) {
      return refuse(403, "no signature by a key this witness trusts for '" + known.origin() + "'");
    }
    if (!cp.origin().equals(known.origin())) {
      return refuse(404, "unknown log origin '" + cp.origin() + "'");
    }
    if (request.oldSize() > cp.size()) {
      return refuse(
          400,
          "old size " + request.oldSize() + " is larger than the checkpoint's size " + cp.size());
    }
    if (request.oldSize() != known.size()) {
      return new Refused(
          409,
          "this witness last cosigned size " + known.size() + ", not " + request.oldSize(),
          known.size(),
          false);
    }
    if (cp.size() == 0 && !Hashes.same(cp.rootHash(), Hashes.emptyRoot())) {
      return refuse(422, "a checkpoint of size 0 must have the empty tree's root");
    }
    if (request.oldSize() == 0 && !request.proof().isEmpty()) {
      return refuse(422, "from old size 0 the consistency proof must be empty");
    }
    if (request.oldSize() == cp.size()) {
      if (!Hashes.same(cp.rootHash(), known.rootHash())) {
        return new Refused(
            422,
            "split view: size "
                + cp.size()
                + " was cosigned with root "
                + Hashes.hex(known.rootHash())
                + ", this checkpoint has root "
                + Hashes.hex(cp.rootHash()),
            -1,
            true);
      }
    } else if (request.oldSize() > 0) {
      try {
        Proofs.verifyConsistency(
            request.oldSize(), cp.size(), request.proof(), known.rootHash(), cp.rootHash());
      } catch (InvalidProofException e) {
        return new Refused(
            422,
            "the checkpoint of size "
                + cp.size()
                + " is not consistent with the cosigned one of size "
                + known.size()
                + " (split view or a rewritten log): "
                + e.getMessage(),
            -1,
            true);
      }
    }
    List<NoteVerifier> trusted = known.keys();
    if (next.isPresent() && opened.signedBy(next.get()) && !trusted.equals(List.of(next.get()))) {
      trusted = List.of(next.get());
    }
    WitnessedLog after =
        new WitnessedLog(known.origin(), trusted, cp.size(), cp.rootHash(), request.note());
    return new Cosigned(after, signer.cosign(opened.text(), now), cp);
  }

  /** The key a {@code rotate-key} extension line of the (unverified) checkpoint names, if any. */
  private static Optional<NoteVerifier> announcedKey(String note, String origin) {
    int split = note.lastIndexOf("\n\n");
    String text = split < 0 ? note : note.substring(0, split + 1);
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(ROTATE_KEY)) {
        NoteVerifier k = NoteVerifier.parse(line.substring(ROTATE_KEY.length()));
        if (!k.name().equals(origin)) {
          throw new MalformedInputException(
              "rotate-key: the new key's name must be the origin '" + origin + "'");
        }
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static Refused refuse(int status, String reason) {
    return new Refused(status, reason, -1, false);
  }
}
