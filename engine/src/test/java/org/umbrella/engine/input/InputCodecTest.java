package org.umbrella.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.ReviewStatus;

class InputCodecTest {

  static final String INCIDENT =
      "{\"actor\":{\"confidence\":0.8,\"party\":\"RU\"},\"fatalities\":{\"best\":4,\"high\":3,\"low\":1},"
          + "\"id\":\"ucdp-ged:537048\",\"kind\":\"shelling\",\"place\":{\"lat\":47.411565,\"lon\":35.840854,"
          + "\"precision\":\"exact\",\"region\":\"Zaporizhzhya oblast\"},\"sources\":[{\"group\":\"ucdp\","
          + "\"id\":\"ucdp-ged:537048\",\"kind\":\"dataset\"}],\"status\":\"verified\",\"tags\":[\"a\",\"b\"],"
          + "\"target\":\"military\",\"time\":\"2023-10-13T00:00:00Z\",\"time-precision\":\"day\",\"type\":\"incident\"}";

  @Test
  void encode_canonicalIncidentLine_isReproducedByteForByte() {
    InputRecord r = InputCodec.decode(INCIDENT, 1);
    assertThat(InputCodec.encode(r)).isEqualTo(INCIDENT);
  }

  @Test
  void decode_keysInAnyOrderWithWhitespace_givesTheSameCanonicalBytes() {
    String messy = "{ \"type\": \"tick\",\n \"time\": \"2026-03-01T00:00:00Z\" }";
    assertThat(InputCodec.encode(InputCodec.decode(messy, 1)))
        .isEqualTo("{\"time\":\"2026-03-01T00:00:00Z\",\"type\":\"tick\"}");
  }

  @Test
  void decode_fatalitiesWithHighBelowBest_areKeptAsReported() {
    Incident i = (Incident) InputCodec.decode(INCIDENT, 1);
    assertThat(i.fatalities()).isEqualTo(new Fatalities(1, 4, 3));
  }

  @Test
  void decode_unknownKind_namesLineFieldAndTheValidKinds() {
    String bad = INCIDENT.replace("\"shelling\"", "\"bombing\"");
    assertThatThrownBy(() -> InputCodec.decode(bad, 17))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("line 17, field 'kind': unknown value 'bombing'")
        .hasMessageContaining("missile_strike");
  }

  @Test
  void decode_latitudeOutOfRange_namesTheNestedField() {
    String bad = INCIDENT.replace("47.411565", "147.4");
    assertThatThrownBy(() -> InputCodec.decode(bad, 3))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("line 3, field 'place.lat': latitude must be within [-90, 90], was 147.4");
  }

  @Test
  void decode_unknownField_isRefusedWithTheValidFields() {
    String bad = "{\"type\":\"tick\",\"time\":\"2026-03-01T00:00:00Z\",\"when\":1}";
    assertThatThrownBy(() -> InputCodec.decode(bad, 2))
        .hasMessageStartingWith(
            "line 2, field 'when': unknown field; expected one of id, recorded, time, type");
  }

  @Test
  void decode_dateWithoutTime_explainsTheInstantFormat() {
    String bad = "{\"type\":\"tick\",\"time\":\"2026-03-01\"}";
    assertThatThrownBy(() -> InputCodec.decode(bad, 9))
        .hasMessageContaining("field 'time': expected an ISO-8601 UTC instant");
  }

  @Test
  void decode_sourceWithoutId_namesTheListElement() {
    String bad =
        INCIDENT.replace("\"id\":\"ucdp-ged:537048\",\"kind\":\"dataset\"", "\"kind\":\"dataset\"");
    assertThatThrownBy(() -> InputCodec.decode(bad, 4))
        .hasMessage("line 4, field 'sources[0].id': required field is missing");
  }

  @Test
  void decode_brokenJson_isAFormatErrorForTheLine() {
    assertThatThrownBy(() -> InputCodec.decode("{\"type\":", 5))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("line 5: not valid JSON");
  }

  @Test
  void read_skipsBlankLinesAndCountsThemInLineNumbers() {
    String text =
        "{\"type\":\"tick\",\"time\":\"2026-03-01T00:00:00Z\"}\n\n{\"type\":\"tick\",\"time\":\"x\"}\n";
    var it = InputCodec.read(new BufferedReader(new StringReader(text)));
    assertThat(it.next()).isInstanceOf(Tick.class);
    assertThatThrownBy(it::hasNext).hasMessageStartingWith("line 3, field 'time'");
  }

  @Test
  void independentSources_countsDistinctGroups() {
    Incident i = (Incident) InputCodec.decode(INCIDENT, 1);
    Incident three =
        new Incident(
            i.id(),
            i.time(),
            i.timePrecision(),
            i.place(),
            i.kind(),
            i.actor(),
            i.target(),
            i.fatalities(),
            List.of(
                new IncidentSource("a", "media", "g1"),
                new IncidentSource("b", "media", "g1"),
                new IncidentSource("c", "sensor", "g2"),
                new IncidentSource("d", "monitor", "g3")),
            i.status(),
            i.tags());
    assertThat(three.independentSources()).isEqualTo(3);
  }

  @Test
  void decodeRecorded_withoutRecorded_takesTheRecordsOwnTime() {
    RecordedInput r = InputCodec.decodeRecorded(INCIDENT, 1);
    assertThat(r.recordedAt()).isEqualTo(r.record().time());
    assertThat(InputCodec.encode(r)).isEqualTo(INCIDENT);
  }

  @Test
  void decodeRecorded_withRecorded_keepsItAndWritesItBack() {
    String line =
        INCIDENT.replace("\"sources\"", "\"recorded\":\"2026-12-04T09:30:00Z\",\"sources\"");
    RecordedInput r = InputCodec.decodeRecorded(line, 1);
    assertThat(r.recordedAt()).isEqualTo(Instant.parse("2026-12-04T09:30:00Z"));
    assertThat(r.record().time()).isEqualTo(Instant.parse("2023-10-13T00:00:00Z"));
    assertThat(InputCodec.encode(r)).isEqualTo(line);
    // the claimed record alone, as the store keeps it
    assertThat(InputCodec.encode(InputCodec.decode(line, 1))).isEqualTo(INCIDENT);
  }

  @Test
  void decodeRecorded_tickRecordedAtAnotherTime_isRefused() {
    String bad =
        "{\"recorded\":\"2026-03-02T00:00:00Z\",\"time\":\"2026-03-01T00:00:00Z\",\"type\":\"tick\"}";
    assertThatThrownBy(() -> InputCodec.decodeRecorded(bad, 6))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("line 6, field 'recorded': a tick is trusted time itself");
  }

  @Test
  void decode_yearBeyondWhatMillisecondsCarry_isALocatedInputError() {
    // issue 15 defect 4: this used to end a replay with ArithmeticException: long overflow
    for (String year : List.of("+292278995", "-292278995", "+1000000000", "+10000")) {
      String bad = "{\"time\":\"" + year + "-01-01T00:00:00Z\",\"type\":\"tick\"}";
      assertThatThrownBy(() -> InputCodec.decode(bad, 8))
          .isInstanceOf(InputFormatException.class)
          .hasMessageStartingWith(
              "line 8, field 'time': instant out of range: must lie within years 0000 to 9999");
    }
    String badRecorded =
        INCIDENT.replace("\"status\"", "\"recorded\":\"+292278995-01-01T00:00:00Z\",\"status\"");
    assertThatThrownBy(() -> InputCodec.decodeRecorded(badRecorded, 9))
        .hasMessageStartingWith("line 9, field 'recorded': instant out of range");
  }

  @Test
  void decode_offsetOtherThanZ_isTheSameInstantWrittenBackInUtc() {
    InputRecord r =
        InputCodec.decode("{\"time\":\"2026-03-01T02:00:00+02:00\",\"type\":\"tick\"}", 1);
    assertThat(r.time()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(InputCodec.encode(r))
        .isEqualTo("{\"time\":\"2026-03-01T00:00:00Z\",\"type\":\"tick\"}");
  }

  @Test
  void decode_rangeEnds_areAccepted() {
    assertThat(InputCodec.decode("{\"time\":\"0000-01-01T00:00:00Z\",\"type\":\"tick\"}", 1).time())
        .isEqualTo(InputCodec.EARLIEST);
    assertThat(
            InputCodec.decode("{\"time\":\"9999-12-31T23:59:59.999999999Z\",\"type\":\"tick\"}", 1)
                .time())
        .isEqualTo(InputCodec.LATEST);
  }

  @Property(tries = 200)
  void decodeRecorded_ofEncode_isTheSameRecordedInput(
      @ForAll("records") InputRecord r,
      @ForAll boolean later,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 100_000_000_000L) long by) {
    RecordedInput in =
        r instanceof Tick || !later
            ? RecordedInput.historical(r)
            : new RecordedInput(r, r.time().plusMillis(by));
    String line = InputCodec.encode(in);
    assertThat(InputCodec.decodeRecorded(line, 1)).isEqualTo(in);
    assertThat(line.contains("\"recorded\"")).isEqualTo(in.hasOwnRecordTime());
  }

  @Property(tries = 300)
  void decode_ofEncode_isTheSameRecord(@ForAll("records") InputRecord r) {
    String line = InputCodec.encode(r);
    InputRecord back = InputCodec.decode(line, 1);
    assertThat(back).isEqualTo(r);
    assertThat(InputCodec.encode(back)).isEqualTo(line);
  }

  @Provide
  Arbitrary<InputRecord> records() {
    Arbitrary<Instant> times =
        Arbitraries.longs()
            .between(1_600_000_000_000L, 1_900_000_000_000L)
            .map(Instant::ofEpochMilli);
    Arbitrary<String> ids =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .numeric()
            .withChars("-:\"\\\u00e9\n")
            .ofMinLength(1)
            .ofMaxLength(12)
            .filter(s -> !s.isBlank());
    Arbitrary<IncidentPlace> places =
        Combinators.combine(
                Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180),
                Arbitraries.of(PlacePrecision.class), Arbitraries.of("", "Donetsk oblast"))
            .as(IncidentPlace::new);
    Arbitrary<Actor> actors =
        Arbitraries.of("", "RU", "UA")
            .flatMap(
                p ->
                    p.isEmpty()
                        ? Arbitraries.just(Actor.UNATTRIBUTED)
                        : Arbitraries.doubles().between(0, 1).map(c -> new Actor(p, c)));
    Arbitrary<Fatalities> fatalities =
        Combinators.combine(
                Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 500))
            .as(Fatalities::new);
    Arbitrary<List<IncidentSource>> sources =
        Combinators.combine(
                ids, Arbitraries.of("media", "sensor"), Arbitraries.of("g1", "g2", "g3"))
            .as(IncidentSource::new)
            .list()
            .ofMaxSize(4);
    Arbitrary<Object[]> head =
        Combinators.combine(
                ids,
                times,
                Arbitraries.of(TimePrecision.class),
                places,
                Arbitraries.of(Kind.class),
                actors)
            .as((id, t, tp, p, k, a) -> new Object[] {id, t, tp, p, k, a});
    Arbitrary<Incident> incidents =
        Combinators.combine(
                head,
                Arbitraries.of("", "civilian"),
                fatalities,
                sources,
                Arbitraries.of(ReviewStatus.class),
                ids.list().ofMaxSize(3))
            .as(
                (h, target, f, s, st, tags) ->
                    new Incident(
                        (String) h[0],
                        (Instant) h[1],
                        (TimePrecision) h[2],
                        (IncidentPlace) h[3],
                        (Kind) h[4],
                        (Actor) h[5],
                        target,
                        f,
                        s,
                        st,
                        tags));
    Arbitrary<Determination> determinations =
        Combinators.combine(
                ids,
                times,
                ids,
                Arbitraries.maps(
                        Arbitraries.of("US", "GB", "FR", "DE", "UA"), Arbitraries.of(Vote.class))
                    .ofMaxSize(5))
            .as((id, t, f, votes) -> new Determination(id, t, "special-commission", f, votes));
    Arbitrary<Response> responses =
        Combinators.combine(
                ids, times, ids, Arbitraries.of(Answer.class), Arbitraries.of("", "military"))
            .as((id, t, ob, a, d) -> new Response(id, t, ob, "US", a, d, "n"));
    Arbitrary<ProvisionReport> reports =
        Combinators.combine(ids, times, Arbitraries.integers().between(0, 3))
            .as((id, t, l) -> new ProvisionReport(id, t, "exchange", l, ""));
    Arbitrary<Tick> ticks = times.map(Tick::new);
    return Arbitraries.oneOf(incidents, determinations, responses, reports, ticks);
  }
}
