package org.umbrella.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;

/**
 * The agreements one topology enforces, by id. Besides the plain case (each file once), it can
 * deploy one agreement file as many independent agreements ({@code ID.c001}, {@code ID.c002}, ...):
 * the same clauses, each with its own key, partition and engine, which is how the cluster tests and
 * the throughput bench put "many small agreements" on the partitions without inventing texts.
 */
public final class Deployment {
  private static final Pattern ID_LINE = Pattern.compile("(?m)^id:[ \\t]*(\\S+)[ \\t]*$");

  private Deployment() {}

  /**
   * Loads {@code file} once (copies == 0: under its own id) or as {@code copies} agreements with
   * ids {@code ID.c001} ... (copies >= 1).
   *
   * @throws IllegalArgumentException if the file is not a valid agreement (the loader's located
   *     messages) or has no top-level {@code id:} line to rename
   */
  public static Map<String, Agreement> load(Path file, int copies) {
    if (copies < 0) {
      throw new IllegalArgumentException("copies must be 0 or more: " + copies);
    }
    Map<String, Agreement> out = new LinkedHashMap<>();
    if (copies == 0) {
      Agreement a = valid(AgreementFiles.load(file));
      out.put(a.id(), a);
      return out;
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher m = ID_LINE.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException(
          file + ": no top-level 'id:' line to give the copies their own ids");
    }
    for (int k = 1; k <= copies; k++) {
      String id = copyId(m.group(1), k);
      String renamed = text.substring(0, m.start(1)) + id + text.substring(m.end(1));
      Agreement a =
          valid(AgreementLoader.load(file.toString(), renamed, AgreementFiles.relativeTo(file)));
      out.put(a.id(), a);
    }
    return out;
  }

  /** The id of copy {@code k} (1-based) of the agreement {@code id}. */
  public static String copyId(String id, int k) {
    return id + ".c" + String.format("%03d", k);
  }

  private static Agreement valid(LoadResult result) {
    if (!result.isValid()) {
      throw new IllegalArgumentException(result.toDisplayString());
    }
    return result.agreement();
  }
}
