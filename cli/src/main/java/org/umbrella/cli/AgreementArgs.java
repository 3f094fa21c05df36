package org.umbrella.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;

/** Loads the agreement files named on the command line for commands that need a valid model. */
final class AgreementArgs {
  private AgreementArgs() {}

  /**
   * The agreement in {@code file}; if it has errors they are printed to {@code err} as a compiler
   * prints them, and a {@link UserException} says how many.
   */
  static Agreement load(Path file, PrintWriter err) {
    LoadResult result = AgreementFiles.load(file);
    if (!result.isValid()) {
      err.print(result.toDisplayString());
      err.flush();
      int n = result.issues().size();
      throw new UserException(
          file
              + " has "
              + n
              + (n == 1 ? " error" : " errors")
              + "; fix "
              + (n == 1 ? "it" : "them")
              + " first (umbrella check "
              + file
              + ")");
    }
    return result.agreement();
  }
}
