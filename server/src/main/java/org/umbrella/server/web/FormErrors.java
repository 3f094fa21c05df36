package org.umbrella.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.umbrella.server.ServerException;

/**
 * The workflow's input errors as a form shows them: at the field to blame, in plain words. The
 * workflow names a field by its JSON pointer in the API's body ({@code /place/lat}) and says what
 * was wrong for a developer; a person filling in the form gets the form field's name and what to
 * enter instead.
 */
public final class FormErrors {
  private FormErrors() {}

  /** The key for an error that belongs to no one field (shown above the form). */
  public static final String FORM = "form";

  /** The report form's field for an error of {@code e}, and a message in plain words. */
  public static Map<String, String> report(ServerException e) {
    String pointer = e.field().orElse("");
    String detail = e.getMessage() == null ? "" : e.getMessage();
    Map<String, String> out = new LinkedHashMap<>();
    if (pointer.equals("/time") && (detail.contains("in the future") || detail.contains("implausibly old"))) {
      // judged against the time the report is received (ReportTimes): the detail names both times
      out.put("time", detail);
    } else if (pointer.equals("/time")) {
      out.put("time", detail.contains("years")
          ? "The time must fall in the years 1583 to 9999."
          : "Enter the time in UTC as year-month-day, then T and hours:minutes and Z, for example 2026-03-05T04:10Z.");
    } else if (pointer.equals("/time-precision")) {
      out.put("time-precision", "Choose how precise the time is from the list.");
    } else if (pointer.equals("/kind")) {
      out.put("kind", "Choose the kind of incident from the list.");
    } else if (pointer.equals("/place/lat")) {
      out.put("lat", "Latitude must be a number from -90 to 90 (Ukraine lies between about 44 and 53).");
    } else if (pointer.equals("/place/lon")) {
      out.put("lon", "Longitude must be a number from -180 to 180 (Ukraine lies between about 22 and 41).");
    } else if (pointer.equals("/place/precision")) {
      out.put("place-precision", "Choose how precise the place is from the list.");
    } else if (pointer.equals("/actor/party")) {
      out.put("actor", "Choose a party of the agreement from the list, or \"not known\".");
    } else if (pointer.equals("/actor/confidence")) {
      out.put("confidence", "Confidence must be a number from 0 (a guess) to 1 (certain), for example 0.8.");
    } else if (pointer.equals("/target")) {
      out.put("target", "The target may have at most 200 characters.");
    } else if (pointer.startsWith("/fatalities")) {
      String f = pointer.startsWith("/fatalities/") ? "fatalities-" + pointer.substring("/fatalities/".length()) : "fatalities-low";
      out.put(f, "Fatalities must be whole numbers from 0, with low no more than best and best no more than high.");
    } else if (pointer.startsWith("/sources")) {
      out.put("sources", "Give at least one source, one per line as id, kind, group (at most 20 sources).");
    } else if (pointer.equals("/summary")) {
      out.put("summary", "The summary may have at most 4,000 characters.");
    } else {
      out.put(FORM, "The report could not be filed: " + detail);
    }
    return out;
  }

  /** A plain message for a request body over the server's limit. */
  public static String tooLarge(int maxBytes) {
    return "What you sent was larger than the server accepts (" + (maxBytes / 1024) + " kB), so nothing was stored. "
        + "Shorten the longest text (a summary or note has at most 4,000 characters) and send it again.";
  }
}
