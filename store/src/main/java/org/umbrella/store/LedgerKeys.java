package org.umbrella.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.NoteVerifier;

/**
 * The ledger's Ed25519 signing key: made on first start, kept in the data directory as
 * {@code ledger-key.pk8} (PKCS#8, base64, readable by the owner only) with the public verifier key
 * beside it in {@code ledger-key.pub}.
 */
public final class LedgerKeys {
  private LedgerKeys() {}

  /**
   * Loads the key from {@code dataDir}, creating it when absent.
   *
   * @throws StoreException if the key file exists but cannot be read or is not an Ed25519 key
   */
  public static NoteSigner loadOrCreate(Path dataDir, String origin) {
    Path file = dataDir.resolve("ledger-key.pk8");
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path tmp = dataDir.resolve("ledger-key.pk8.tmp");
        Files.writeString(tmp, Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded()) + "\n");
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system; the directory's own permissions apply
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      PrivateKey priv = KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(file).strip())));
      NoteSigner signer = new NoteSigner(origin, new KeyPair(publicOf(priv), priv));
      Files.writeString(dataDir.resolve("ledger-key.pub"), signer.verifier().encoded() + "\n");
      return signer;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new StoreException("cannot load the ledger key " + file + ": " + e.getMessage(), e);
    }
  }

  /** Derives the public key: the PKCS#8 seed signs a probe and the JDK exposes the pair. */
  private static java.security.PublicKey publicOf(PrivateKey priv) throws GeneralSecurityException {
    // The JDK cannot derive an Ed25519 public key from a private key directly; regenerate the
    // pair from the 32-byte seed with a SecureRandom that returns exactly that seed.
    byte[] enc = priv.getEncoded();
    byte[] seed = java.util.Arrays.copyOfRange(enc, enc.length - 32, enc.length);
    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
    g.initialize(java.security.spec.NamedParameterSpec.ED25519, new FixedSeed(seed));
    return g.generateKeyPair().getPublic();
  }

  /** A SecureRandom that yields one fixed seed: only to re-derive a key pair from its seed. */
  private static final class FixedSeed extends java.security.SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
    }
  }

  /** The public verifier key of a signer. */
  public static NoteVerifier verifier(NoteSigner signer) {
    return signer.verifier();
  }
}
