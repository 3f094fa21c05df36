package org.umbrella.cli.negotiate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.umbrella.cli.UserException;
import org.umbrella.negotiation.NegotiationException;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.load.NegotiationLoader;

/** Reads input files and turns the negotiation module's errors into user errors. */
final class Inputs {
  private Inputs() {}

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such file");
    } catch (IOException e) {
      throw new UserException(file + ": cannot read: " + e.getMessage());
    }
  }

  static void write(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(file + ": cannot write: " + e.getMessage());
    }
  }

  static NegotiationModel load(Path file) {
    String text = read(file);
    return guard(() -> NegotiationLoader.load(text, file.toString()));
  }

  /** Runs a module call, turning its typed errors into user errors with the same message. */
  static <T> T guard(Supplier<T> call) {
    try {
      return call.get();
    } catch (NegotiationException e) {
      throw UserException.from(e);
    }
  }
}
