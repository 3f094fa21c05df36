package org.umbrella.agreement.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.Issue;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.load.ResourceResolver;

/**
 * Loads agreement files from the file system.
 *
 * <p>A file that cannot be read (missing, a directory, not UTF-8) is reported as an issue at line
 * 1, column 1 of the result, like any other problem; nothing here throws for a user's mistake.
 * GeoJSON files are resolved relative to the agreement file's directory.
 */
public final class AgreementFiles {
  private AgreementFiles() {}

  /**
   * Reads and loads one agreement file.
   *
   * @param file the path; its string form is used in issue locations
   */
  public static LoadResult load(Path file) {
    return load(file, file.toString());
  }

  /**
   * Reads and loads one agreement file, naming it {@code name} in issue locations (e.g. the path as
   * the user typed it, or relative to a repository).
   */
  public static LoadResult load(Path file, String name) {
    Optional<String> text = read(file);
    if (text.isEmpty()) {
      String why =
          Files.isDirectory(file)
              ? "is a directory"
              : Files.exists(file) ? "cannot be read as UTF-8 text" : "does not exist";
      Issue issue =
          new Issue(
              name,
              1,
              1,
              1,
              "file",
              "cannot read " + name + ": it " + why,
              name,
              "a readable *.agreement.yaml file",
              List.of(),
              "");
      return new LoadResult(name, Optional.empty(), List.of(issue));
    }
    return AgreementLoader.load(name, text.get(), relativeTo(file));
  }

  /** A resolver reading files relative to the directory of {@code agreementFile}. */
  public static ResourceResolver relativeTo(Path agreementFile) {
    Path absolute = agreementFile.toAbsolutePath();
    Path dir = absolute.getParent() == null ? absolute : absolute.getParent();
    return relative -> {
      try {
        return read(dir.resolve(relative));
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    };
  }

  /** The UTF-8 text of a regular file, or empty if it cannot be read. */
  public static Optional<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
