package org.umbrella.agreement.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 16, item 2: every diagnostic defect the issue lists, one row each: the rule, the bad input
 * (one edit of a valid file), and the expected code, message, location and suggestion side by side.
 * The base file is valid and quiet (checked first), so each row's diagnostic comes from its edit
 * alone.
 */
class DiagnosticsTableTest {
  static final String BASE =
      """
      umbrella: 1
      id: t
      version: v1
      title: T
      parties: { UA: { name: Ukraine }, RU: { name: Russia }, US: { name: USA } }
      places:
        ua: { geojson: ua.geojson }
        znpp:
          point: [34.5857, 47.5119]
          km: 5
      findings:
        fire:
          match:
            kinds: [shelling]
            when: incident.actor.confidence >= 0.8
      provisions:
        ceasefire:
          title: Ceasefire
        army-cap:
          title: Army cap
          quantity: { at-most: 800000, unit: personnel }
      guarantees:
        g:
          guarantors: [US]
          protects: UA
          against: RU
          activates: { when: ceasefire in-force }
          trigger: fire
          duties:
            - { id: respond, each: guarantor, options: [military] }
      """;

  /** A rough box around Ukraine: the region the swapped-coordinates warning compares with. */
  static final String UKRAINE_BOX =
      """
      {"type": "Polygon", "coordinates": [[[22.1, 44.3], [40.2, 44.3], [40.2, 52.4], [22.1, 52.4], [22.1, 44.3]]]}
      """;

  static final String WHEN = "      when: incident.actor.confidence >= 0.8\n";

  /**
   * One defect: {@code at} is {@code line:column}; {@code message} a part of the message; {@code
   * suggestion} the first "did you mean" or {@code ""}.
   */
  record Row(
      String rule,
      String input,
      String severity,
      String code,
      String message,
      String at,
      String suggestion) {}

  static String edit(String from, String to) {
    assertThat(BASE).contains(from);
    return BASE.replace(from, to);
  }

  static String when(String condition) {
    return edit(WHEN, condition);
  }

  static final List<Row> ROWS =
      List.of(
          new Row(
              "no space after ':' is reported on its own line, not the next",
              edit("    km: 5\n", "    km:15\n"),
              "error",
              "yaml-syntax",
              "no space after the colon in 'km:15'",
              "10:7",
              ""),
          new Row(
              "a non-breaking space is named",
              edit("title: T", "title:\u00a0T"),
              "error",
              "yaml-syntax",
              "a no-break space (U+00A0) where YAML needs a plain space",
              "4:7",
              ""),
          new Row(
              "a condition that starts with a quote",
              when("      when: \"incident.kind\" == \"shelling\"\n"),
              "error",
              "yaml-syntax",
              "the value starts with a quote, so YAML ends it at the closing quote",
              "15:13",
              ""),
          new Row(
              "'=' in CEL does not parse; suggest '=='",
              when("      when: incident.kind = \"shelling\"\n"),
              "error",
              "condition",
              "does not parse: '=' is not an operator in CEL",
              "15:27",
              "=="),
          new Row(
              "'and' in CEL does not parse; suggest '&&'",
              when(
                  "      when: incident.actor.confidence >= 0.8 and incident.kind == \"shelling\"\n"),
              "error",
              "condition",
              "does not parse: 'and' is not an operator in CEL",
              "15:46",
              "&&"),
          new Row(
              "curly quotes in CEL do not parse; suggest a straight quote",
              when("      when: incident.kind == \u201cshelling\u201d\n"),
              "error",
              "condition",
              "does not parse: a typographic quote \u201c (U+201C)",
              "15:30",
              "\""),
          new Row(
              "incident.time-precision suggests time_precision",
              when("      when: incident.time-precision == \"day\"\n"),
              "error",
              "condition",
              "does not type-check: unknown field 'incident.time-precision' (CEL reads '-' as minus",
              "15:13",
              "incident.time_precision"),
          new Row(
              "a timestamp compared with a string keeps the types and says how to fix it",
              when("      when: incident.time > \"2026-01-01T00:00:00Z\"\n"),
              "error",
              "condition",
              "does not type-check: found no matching overload for '>' applied to"
                  + " (google.protobuf.Timestamp, string)",
              "15:27",
              ""),
          new Row(
              "confidence >= 80 keeps the types and says how to fix it",
              when("      when: incident.actor.confidence >= 80\n"),
              "error",
              "condition",
              "found no matching overload for '>=' applied to (double, int)",
              "15:39",
              ""),
          new Row(
              "the caret inside a '>-' condition lands on the expression, not the header",
              when(
                  "      when: >-\n"
                      + "        incident.actor.confidence >= 0.8 &&\n"
                      + "          incident.kin == \"shelling\"\n"),
              "error",
              "condition",
              "unknown field 'incident.kin'",
              "17:11",
              "incident.kind"),
          new Row(
              "the caret inside a quoted condition lands on the expression, not the quote",
              when(
                  "      when: \"incident.actor.confidence >= 0.8 && incident.kin =="
                      + " 'shelling'\"\n"),
              "error",
              "condition",
              "unknown field 'incident.kin'",
              "15:50",
              "incident.kind"),
          new Row(
              "the alias limit is located at the alias past it",
              BASE
                  + "x-anchor: &a [1, 2]\n"
                  + IntStream.range(0, 60)
                      .mapToObj(i -> "x" + i + ": *a\n")
                      .collect(Collectors.joining()),
              "error",
              "yaml-limit",
              "more than 50 aliases to lists or mappings",
              "82:6",
              ""),
          new Row(
              "the depth limit is located at the level past it",
              BASE + "deep: " + "[".repeat(50) + "]".repeat(50) + "\n",
              "error",
              "yaml-limit",
              "nested more than 40 levels deep",
              "31:46",
              ""),
          new Row(
              "a file that is only too big is called too large, not malformed",
              BASE + ("# " + "x".repeat(98) + "\n").repeat(90_000),
              "error",
              "too-large",
              "the file is too large: 9,090,635 characters, more than the 8,388,608 (8 MiB)",
              "83080:25",
              ""),
          new Row(
              "800,000 inside { } explains the comma split",
              edit("at-most: 800000", "at-most: 800,000"),
              "error",
              "split-number",
              "'800,000' was split at the comma: inside { } a comma separates entries",
              "21:30",
              ""),
          new Row(
              "latitude and longitude that look swapped",
              edit("[34.5857, 47.5119]", "[47.5119, 34.5857]"),
              "warning",
              "swapped-coordinates",
              "with its two numbers swapped it lies inside: a point is [longitude, latitude]",
              "9:12",
              ""),
          new Row(
              "a guarantee without duties",
              edit(
                  "    duties:\n      - { id: respond, each: guarantor, options: [military] }\n",
                  ""),
              "warning",
              "no-duties",
              "guarantee 'g' has no duties",
              "23:3",
              ""),
          new Row(
              "a duty option no text names",
              edit("options: [military]", "options: [militray]"),
              "warning",
              "unnamed-option",
              "option 'militray' of duty 'respond' of guarantee 'g' is named by no text",
              "30:51",
              "military"));

  static LoadResult load(String text) {
    return AgreementLoader.load(
        "t.agreement.yaml",
        text,
        rel -> rel.equals("ua.geojson") ? Optional.of(UKRAINE_BOX) : Optional.empty());
  }

  @Test
  void base_isValidAndQuiet() {
    LoadResult r = load(BASE);
    assertThat(r.toDisplayString()).isEmpty();
    assertThat(r.isValid()).isTrue();
  }

  @TestFactory
  List<DynamicTest> eachDefect_isReportedAsTheTableSays() {
    return ROWS.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.rule(),
                    () -> {
                      LoadResult r = load(row.input());
                      assertThat(r.issues())
                          .as(r.toDisplayString())
                          .hasSize(1)
                          .first()
                          .satisfies(
                              i -> {
                                assertThat(i.severity().label()).isEqualTo(row.severity());
                                assertThat(i.code()).isEqualTo(row.code());
                                assertThat(i.message()).contains(row.message());
                                assertThat(i.line() + ":" + i.column()).isEqualTo(row.at());
                                assertThat(i.suggestions().stream().findFirst().orElse(""))
                                    .isEqualTo(row.suggestion());
                                assertThat(i.toDisplayString())
                                    .doesNotContain("Exception")
                                    .doesNotContain("<block end>")
                                    .doesNotContain("well-formed");
                              });
                      assertThat(r.isValid()).isEqualTo(row.severity().equals("warning"));
                    }))
        .toList();
  }

  @Test
  void repeatedErrors_areCappedAtAHundredWithACount() {
    StringBuilder b =
        new StringBuilder(
            BASE.replace(
                "parties: { UA: { name: Ukraine }, RU: { name: Russia }, US: { name: USA } }\n",
                "parties:\n"));
    b.insert(
        b.indexOf("parties:\n") + 9,
        "  UA: { name: Ukraine }\n  RU: { name: Russia }\n  US: { name: USA }\n"
            + "  UA: { name: Ukraine }\n".repeat(300));
    LoadResult r = load(b.toString());
    assertThat(r.issues()).hasSize(101);
    assertThat(r.issues().subList(0, 100))
        .allSatisfy(i -> assertThat(i.code()).isEqualTo("duplicate-key"));
    assertThat(r.issues().get(100).message())
        .isEqualTo("... and 200 more (200 errors, 0 warnings) not shown; the first 100 are above");
    assertThat(r.isValid()).isFalse();
  }
}
