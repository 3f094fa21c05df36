package org.umbrella.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.GuaranteeStatus;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.ProvisionStatus;
import org.umbrella.engine.output.StatusRecord;

/**
 * The two clocks (docs/engine.md, "Time"): random streams for the guarantee agreement whose record
 * times never decrease but whose claimed times are arbitrary (on time, a few minutes ahead, far in
 * the future up to year 9999, far in the past down to year 0000, anywhere in between). Whatever is
 * claimed:
 *
 * <ul>
 *   <li>the engine's clock is the latest record time, and no output is stamped after it, nor before
 *       an earlier output;
 *   <li>every deadline output is stamped at its own deadline, computed from trusted times only: the
 *       guarantee activates at its date and expires exactly one year after it activated, the
 *       exchange is breached exactly 90 days after the ceasefire entered into force, an obligation
 *       is created at the trusted time of the confirmation that triggered it with its due date a
 *       duty period after that, and is breached at exactly that due date; a decision is overdue
 *       exactly 48h after its candidate was raised (on trusted time).
 * </ul>
 *
 * <p>So a claim can never make a deadline fall due before the trusted clock reaches it.
 */
class TwoClockProperties {
  private static final Instant ACTIVATES = Instant.parse("2026-03-01T00:00:00Z");

  @Property(tries = 60)
  void process_arbitraryClaimedTimes_deadlinesFallDueOnlyOnTrustedTime(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    List<RecordedInput> stream =
        withArbitraryClaims(DeterminismProperties.stream(seed, 300), new Random(seed * 31 + 7));
    Engine engine = Engine.create(DeterminismProperties.AGREEMENT);
    Instant clock = Instant.MIN;
    Instant lastOutput = Instant.MIN;
    Map<String, Instant> raised = new HashMap<>();
    Map<String, Instant> confirmed = new HashMap<>();
    Instant activeFrom = null;
    int deadlines = 0;
    for (RecordedInput r : stream) {
      List<OutputRecord> outs = new ArrayList<>();
      engine.process(r, outs::add);
      clock = clock.isAfter(r.recordedAt()) ? clock : r.recordedAt();
      assertThat(engine.clock()).isEqualTo(clock);
      for (OutputRecord o : outs) {
        assertThat(o.time())
            .as("%s stamped after the trusted clock", o.id())
            .isBeforeOrEqualTo(clock);
        assertThat(o.time())
            .as("%s stamped before an earlier output", o.id())
            .isAfterOrEqualTo(lastOutput);
        lastOutput = o.time();
        switch (o) {
          case FindingRecord f when f.status().equals(FindingStatus.CANDIDATE) ->
              raised.put(f.id(), f.time());
          case FindingRecord f when f.status().equals(FindingStatus.CONFIRMED) ->
              confirmed.put(f.id(), f.time());
          case FindingRecord f -> {}
          case ObligationRecord ob when ob.status().equals(ObligationStatus.PENDING) -> {
            String trigger = ob.cause().outputs().get(0);
            assertThat(ob.time()).isEqualTo(confirmed.get(trigger));
            Duration within =
                ob.duty().equals("consult") ? Duration.ofHours(24) : Duration.ofDays(7);
            assertThat(ob.due()).contains(ob.time().plus(within));
          }
          case ObligationRecord ob when ob.status().equals(ObligationStatus.BREACHED) -> {
            assertThat(ob.time()).isEqualTo(ob.due().orElseThrow());
            deadlines++;
          }
          case ObligationRecord ob -> assertThat(ob.time()).isBefore(ob.due().orElseThrow());
          case StatusRecord s
              when s.subject().equals("defence") && s.status().equals(GuaranteeStatus.ACTIVE) -> {
            assertThat(s.time()).isEqualTo(ACTIVATES);
            activeFrom = s.time();
            deadlines++;
          }
          case StatusRecord s
              when s.subject().equals("defence") && s.status().equals(GuaranteeStatus.EXPIRED) -> {
            assertThat(s.time())
                .isEqualTo(activeFrom.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
            deadlines++;
          }
          case StatusRecord s
              when s.subject().equals("exchange")
                  && s.status().equals(ProvisionStatus.BREACHED) -> {
            assertThat(s.time()).isEqualTo(ACTIVATES.plus(Duration.ofDays(90)));
            deadlines++;
          }
          case StatusRecord s
              when s.subject().equals("ceasefire") && s.status().equals(ProvisionStatus.IN_FORCE) ->
              assertThat(s.time()).isEqualTo(ACTIVATES);
          case StatusRecord s -> {}
          case AlertRecord a when a.reason().equals("decision-overdue") -> {
            assertThat(a.time()).isEqualTo(raised.get(a.about()).plus(Duration.ofHours(48)));
            deadlines++;
          }
          case AlertRecord a -> {}
        }
      }
    }
    assertThat(deadlines).as("the stream reaches some deadline").isPositive();
  }

  @Property(tries = 30)
  void process_claimsFarFromTheRecordTime_giveTheSameDeadlinesAsClaimsOnTime(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    // Claims only place incidents in windows: with every claim of a non-incident replaced, and
    // every incident claimed at its record time, the deadline outputs are exactly those of the
    // claims as given, as long as the incidents raise the same findings. Incidents keep their
    // claimed times here, so only determinations, responses and reports are re-dated.
    List<InputRecord> base = DeterminismProperties.stream(seed, 300);
    Random r = new Random(seed);
    List<RecordedInput> onTime = new ArrayList<>();
    List<RecordedInput> wild = new ArrayList<>();
    for (InputRecord in : base) {
      onTime.add(RecordedInput.historical(in));
      wild.add(
          new RecordedInput(
              in instanceof Incident || in instanceof Tick ? in : reclaim(in, claim(r, in.time())),
              in.time()));
    }
    assertThat(Scenarios.runRecorded(DeterminismProperties.AGREEMENT, wild))
        .isEqualTo(Scenarios.runRecorded(DeterminismProperties.AGREEMENT, onTime));
  }

  /**
   * The stream with its times as record times, each record (but ticks) claiming an arbitrary time.
   */
  static List<RecordedInput> withArbitraryClaims(List<InputRecord> stream, Random r) {
    List<RecordedInput> out = new ArrayList<>();
    for (InputRecord in : stream) {
      out.add(
          new RecordedInput(in instanceof Tick ? in : reclaim(in, claim(r, in.time())), in.time()));
    }
    return out;
  }

  /** On time, a little ahead or behind, a typo'd year, far future or far past, or anywhere. */
  static Instant claim(Random r, Instant recorded) {
    return switch (r.nextInt(8)) {
      case 0, 1, 2 -> recorded;
      case 3 -> recorded.plusSeconds(r.nextInt(600) - 300);
      case 4 -> recorded.atOffset(ZoneOffset.UTC).plusYears(1 + r.nextInt(73)).toInstant();
      case 5 -> InputCodec.LATEST.minusSeconds(r.nextInt(1000));
      case 6 -> InputCodec.EARLIEST.plusSeconds(r.nextInt(1000));
      default ->
          Instant.ofEpochSecond(
              Instant.parse("1990-01-01T00:00:00Z").getEpochSecond()
                  + (long) (r.nextDouble() * 60 * 365.25 * 86400));
    };
  }

  static InputRecord reclaim(InputRecord in, Instant t) {
    return switch (in) {
      case Incident i ->
          new Incident(
              i.id(),
              t,
              i.timePrecision(),
              i.place(),
              i.kind(),
              i.actor(),
              i.target(),
              i.fatalities(),
              i.sources(),
              i.status(),
              i.tags());
      case Determination d -> new Determination(d.id(), t, d.body(), d.finding(), d.votes());
      case Response p ->
          new Response(p.id(), t, p.obligation(), p.party(), p.answer(), p.decision(), p.note());
      case ProvisionReport p -> new ProvisionReport(p.id(), t, p.provision(), p.level(), p.note());
      case Tick tick -> tick;
    };
  }
}
