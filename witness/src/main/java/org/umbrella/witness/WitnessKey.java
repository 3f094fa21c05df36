package org.umbrella.witness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.umbrella.ledger.CosignatureSigner;
import org.umbrella.ledger.Ed25519;
import org.umbrella.ledger.LedgerException;

/**
 * The witness's Ed25519 cosigning key, made on first start in the state directory as {@code
 * witness-key.pk8} (base64 PKCS#8, owner-only) with its cosignature verifier key (type 0x04) in
 * {@code witness-key.pub}, which the witness's operator publishes to the parties.
 */
public final class WitnessKey {
  private WitnessKey() {}

  /**
   * The witness named {@code name}'s signer from {@code stateDir}, made when absent.
   *
   * @throws WitnessException if the key file cannot be read or written
   */
  public static CosignatureSigner loadOrCreate(Path stateDir, String name) {
    Path file = stateDir.resolve("witness-key.pk8");
    try {
      Files.createDirectories(stateDir);
      if (!Files.exists(file)) {
        Path tmp = stateDir.resolve("witness-key.pk8.tmp");
        Files.writeString(tmp, Ed25519.privateKeyText(Ed25519.generate(new SecureRandom())) + "\n");
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system: the directory's permissions apply
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      CosignatureSigner signer =
          new CosignatureSigner(name, Ed25519.fromPrivateKeyText(Files.readString(file)));
      Files.writeString(stateDir.resolve("witness-key.pub"), signer.verifier().encoded() + "\n");
      return signer;
    } catch (IOException | LedgerException | IllegalArgumentException e) {
      throw new WitnessException("cannot load the witness key " + file + ": " + e.getMessage(), e);
    }
  }
}
