package org.umbrella.agreement.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.umbrella.agreement.diff.AgreementDiff;
import org.umbrella.agreement.explain.Explainer;
import org.umbrella.agreement.model.Agreement;

/**
 * Mutated agreement files never make the loader throw: it returns a result, every issue has a
 * position inside the file, and only asking for the model of an invalid file throws, with the
 * module's typed error. Whatever still loads can be explained and diffed.
 */
class LoaderFuzzTest {
  /**
   * A compact agreement that touches every section, so that mutations reach every reader. It holds
   * one CEL condition only: each compilation costs about half a millisecond, and 10,000 tries must
   * stay well under a minute on a shared machine.
   */
  static final String BASE =
      """
      umbrella: 1
      id: fuzz
      version: 2025-12-24
      supersedes: fuzz@2025-11-20
      title: Fuzzed agreement
      status: draft
      notice: Used by a property test.
      sources:
        s1: { title: One, date: 2025-12-24, url: "https://example.org/1", publisher: P, note: N }
      parties:
        UA: { name: Ukraine, cites: [s1] }
        RU: { name: Russia }
        US: { name: United States }
        GB: { name: United Kingdom }
      places:
        line: { geojson: line.geojson, title: Line, note: approximation }
        zone: { buffer: line, km: 10 }
        city: { point: [37.6, 55.7], km: 20 }
        both: { union: [zone, city] }
      bodies:
        commission: { title: C, members: [US, GB, UA], rule: { at-least: 2/3 }, quorum: 2, recusal: concerned, cites: [{ source: s1, at: p. 2 }] }
      findings:
        violation:
          title: V
          match:
            kinds: [shelling, drone_strike]
            status: corroborated
            sources: 2
            within: [zone, both]
            by: any
            when: incident.fatalities.best >= 1 && incident.actor.confidence > 0.5
        attack:
          over: { finding: violation, by: RU, window: 72h, at-least: 3, distinct-days: 2 }
          determined-by: commission
          decide-within: 48h
        deaths:
          over: { finding: violation, window: 7d, at-least: 10 }
        strike:
          match: { kinds: [missile_strike], within: city, by: [UA], status: verified }
      guarantees:
        defence:
          title: D
          text: T
          guarantors: [US, GB]
          protects: UA
          against: RU
          activates: { when: ceasefire in-force }
          term: 15y
          renewable: true
          trigger: attack
          duties:
            - { id: consult, each: guarantor, within: 24h }
            - { id: decide, title: Decide, each: [US], within: 7d, options: [military, economic] }
          void-if: [strike]
        later:
          guarantors: US
          protects: UA
          activates: { at: 2026-03-01T00:00:00Z }
          trigger: deaths
          duties: [{ id: consult }]
      provisions:
        ceasefire: { title: Ceasefire, category: security, obligors: [UA, RU], in-force: 2026-03-01 }
        army-cap: { title: Army cap, obligors: [UA], quantity: { at-most: 800000, unit: personnel } }
        exchange: { title: Exchange, obligors: [UA, RU], due: { after: ceasefire, within: 90d } }
        relief: { title: Relief, obligors: [US] }
      consequences:
        snapback: { title: S, on: attack, by: RU, then: [ { revoke: relief }, { suspend: exchange }, { notify: [US, GB, UA] } ] }
      """;

  static final Map<String, String> FILES =
      Map.of(
          "line.geojson",
          "{\"type\":\"LineString\",\"coordinates\":[[35.0,47.8],[35.4,48.1],[35.9,48.3]]}");

  static final ResourceResolver RESOLVER = path -> Optional.ofNullable(FILES.get(path));

  static final Agreement BASE_MODEL =
      AgreementLoader.load("fuzz.agreement.yaml", BASE, RESOLVER).agreement();

  record Mutation(int kind, double at, double to, String text) {
    String apply(String s) {
      if (s.isEmpty()) {
        return text;
      }
      int i = (int) (at * s.length());
      int j = Math.min(s.length(), i + 1 + (int) (to * 12));
      List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
      int li = (int) (at * lines.size());
      int lj = (int) (to * lines.size());
      return switch (kind) {
        case 0 -> s.substring(0, i) + s.substring(j); // delete a few characters
        case 1 -> s.substring(0, i) + text + s.substring(i); // insert YAML-significant text
        case 2 -> s.substring(0, i) + text + s.substring(j); // replace a few characters
        case 3 -> {
          lines.remove(li);
          yield String.join("\n", lines);
        } // delete a line
        case 4 -> {
          lines.add(lj, lines.get(li));
          yield String.join("\n", lines);
        } // duplicate a line elsewhere
        case 5 -> {
          String l = lines.get(li);
          lines.set(li, lines.get(lj));
          lines.set(lj, l);
          yield String.join("\n", lines);
        } // swap lines
        case 6 -> {
          lines.set(li, text.replace("\n", "") + lines.get(li));
          yield String.join("\n", lines);
        } // change indentation or prefix
        default -> {
          lines.set(li, lines.get(li).stripLeading());
          yield String.join("\n", lines);
        } // dedent
      };
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.of(
                ":",
                ": ",
                "{",
                "}",
                "[",
                "]",
                ",",
                "- ",
                "#",
                "&a ",
                "*a",
                "!!str ",
                "|\n",
                ">\n",
                "'",
                "\"",
                "\t",
                "  ",
                "\n",
                "@",
                "%",
                "?",
                "~",
                "null",
                "0",
                "-1",
                "1e400",
                "72h",
                "0h",
                "15y",
                "NO",
                "yes",
                "x:",
                "[[",
                "{{",
                "incident.",
                "&&",
                "/",
                "\\",
                "\u00e9",
                "\uFFFF",
                "\u0000"),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6),
            Arbitraries.of(
                "UA",
                "RU",
                "GB",
                "UK",
                "zone",
                "line",
                "attack",
                "violation",
                "ceasefire",
                "relief",
                "commission",
                "defence",
                "s1"));
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.doubles().between(0, 0.999).ofScale(3),
                Arbitraries.doubles().between(0, 0.999).ofScale(3),
                text)
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  @Example
  void load_base_isValid() {
    LoadResult r = AgreementLoader.load("fuzz.agreement.yaml", BASE, RESOLVER);
    assertThat(r.issues()).as(r.toDisplayString()).isEmpty();
  }

  @Property(tries = 10_000)
  void load_mutatedYaml_neverThrowsAndPositionsEveryIssue(
      @ForAll("mutations") List<Mutation> mutations) {
    String text = BASE;
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    LoadResult r = AgreementLoader.load("fuzz.agreement.yaml", text, RESOLVER);
    int lines = text.split("\r\n|\r|\n", -1).length;
    for (Issue i : r.issues()) {
      assertThat(i.line()).isBetween(1, lines);
      assertThat(i.column()).isGreaterThanOrEqualTo(1);
      assertThat(i.message()).isNotBlank();
      assertThat(i.toDisplayString())
          .startsWith(
              "fuzz.agreement.yaml:"
                  + i.line()
                  + ":"
                  + i.column()
                  + ": "
                  + i.severity().label()
                  + "[");
    }
    if (r.isValid()) {
      assertThat(r.agreement()).isNotNull();
    } else {
      assertThatThrownBy(r::agreement).isInstanceOf(InvalidAgreementException.class);
    }
  }

  @Property(tries = 400)
  void explainAndDiff_ofWhateverStillLoads_neverFail(
      @ForAll("mutations") List<Mutation> mutations) {
    String text = BASE;
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    LoadResult r = AgreementLoader.load("fuzz.agreement.yaml", text, RESOLVER);
    if (r.isValid()) {
      Agreement a = r.agreement();
      assertThat(Explainer.explain(a)).startsWith(a.ref() + ": ");
      assertThat(AgreementDiff.render(BASE_MODEL, a, AgreementDiff.compare(BASE_MODEL, a, true)))
          .startsWith("Semantic diff:");
    }
  }
}
