package org.umbrella.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umbrella.ledger.Ed25519;
import org.umbrella.ledger.LedgerException;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.NoteVerifier;

/**
 * The ledger's Ed25519 signing key: made on first start, kept in the data directory as {@code
 * ledger-key.pk8} (PKCS#8, base64, readable by the owner only) with the public verifier key beside
 * it in {@code ledger-key.pub}, and every verifier key the ledger ever signed with, oldest first,
 * in {@code ledger-keys.pub} (so proofs signed before a rotation stay checkable).
 *
 * <p>A rotation ({@link #rotate}) makes the next key as {@code ledger-key.next.pk8}, lets the store
 * record the handover, then moves the next key into place and deletes the old private key.
 */
public final class LedgerKeys {
  static final String KEY = "ledger-key.pk8";
  static final String NEXT = "ledger-key.next.pk8";
  static final String PUB = "ledger-key.pub";
  static final String HISTORY = "ledger-keys.pub";

  private LedgerKeys() {}

  /**
   * Loads the key from {@code dataDir}, creating it when absent.
   *
   * @throws StoreException if the key file exists but cannot be read or is not an Ed25519 key, or a
   *     rotation was interrupted
   */
  public static NoteSigner loadOrCreate(Path dataDir, String origin) {
    Path file = dataDir.resolve(KEY);
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        if (!history(dataDir).isEmpty()) {
          throw new StoreException(
              "the private key is missing, but this data directory's ledger was signed by "
                  + history(dataDir).getLast().encoded()
                  + ": put its "
                  + KEY
                  + " back (from your key custody; a backup"
                  + " holds it only when made with --with-private-key), or rotate to a new key only after restoring it");
        }
        writePrivate(dataDir, KEY, Ed25519.generate(new SecureRandom()));
      }
      NoteSigner signer =
          new NoteSigner(origin, Ed25519.fromPrivateKeyText(Files.readString(file)));
      Files.writeString(dataDir.resolve(PUB), signer.verifier().encoded() + "\n");
      remember(dataDir, signer.verifier());
      return signer;
    } catch (IOException | LedgerException | IllegalArgumentException e) {
      throw new StoreException("cannot load the ledger key " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rotates the ledger's key: makes a new key, has {@code store} (open on this data directory's
   * ledger, signing with the current key) record the handover, then makes the new key current and
   * deletes the old private key. A rotation interrupted before the handover was recorded leaves a
   * {@code ledger-key.next.pk8} that the next rotation discards.
   *
   * @return the new key
   * @throws StoreException if the files cannot be written
   */
  public static NoteSigner rotate(
      Path dataDir, PostgresEvidenceStore store, String reason, String by) {
    try {
      Files.deleteIfExists(dataDir.resolve(NEXT));
      writePrivate(dataDir, NEXT, Ed25519.generate(new SecureRandom()));
      NoteSigner next =
          new NoteSigner(
              store.origin(), Ed25519.fromPrivateKeyText(Files.readString(dataDir.resolve(NEXT))));
      store.recordKeyChange(next, reason, by);
      remember(dataDir, next.verifier());
      Files.move(
          dataDir.resolve(NEXT),
          dataDir.resolve(KEY),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(dataDir.resolve(PUB), next.verifier().encoded() + "\n");
      return next;
    } catch (IOException e) {
      throw new StoreException(
          "cannot rotate the ledger key in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The data directory's current public key, read from {@code ledger-key.pub} (no private key
   * needed), or empty when the directory has none yet.
   *
   * @throws StoreException if the file is not a verifier key
   */
  public static Optional<NoteVerifier> currentPublic(Path dataDir) {
    Path file = dataDir.resolve(PUB);
    try {
      return Files.exists(file)
          ? Optional.of(NoteVerifier.parse(Files.readString(file).strip()))
          : Optional.empty();
    } catch (IOException | LedgerException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every verifier key this data directory's ledger signed with, oldest first. */
  public static List<NoteVerifier> history(Path dataDir) {
    Path file = dataDir.resolve(HISTORY);
    List<NoteVerifier> out = new ArrayList<>();
    try {
      if (Files.exists(file)) {
        int n = 0;
        for (String line : Files.readAllLines(file)) {
          n++;
          if (!line.isBlank()) {
            try {
              out.add(NoteVerifier.parse(line.strip()));
            } catch (LedgerException e) {
              throw new StoreException(file + ":" + n + ": " + e.getMessage());
            }
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void remember(Path dataDir, NoteVerifier key) throws IOException {
    if (!history(dataDir).contains(key)) {
      Files.writeString(
          dataDir.resolve(HISTORY),
          key.encoded() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  private static void writePrivate(Path dataDir, String name, KeyPair kp) throws IOException {
    Path tmp = dataDir.resolve(name + ".tmp");
    Files.writeString(tmp, Ed25519.privateKeyText(kp) + "\n");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system; the directory's own permissions apply
    }
    Files.move(tmp, dataDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The public verifier key of a signer. */
  public static NoteVerifier verifier(NoteSigner signer) {
    return signer.verifier();
  }
}
