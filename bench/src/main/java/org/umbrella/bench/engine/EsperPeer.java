package org.umbrella.bench.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import java.util.concurrent.atomic.AtomicInteger;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Incident;

/**
 * Esper 9 running EPL equivalent to the 20-point definitions: three filtered streams (with the same
 * JTS point-in-area test as a plug-in single-row function) and a 72h time window by RU with {@code
 * count(*) >= 5 and count(distinct dayno) >= 3}, output first every 72 hours (Esper's re-arming).
 * Time is event time: the runtime's external clock is advanced to each incident before it is sent.
 */
final class EsperPeer {
  static final String EPL =
      """
      @name('violation') insert into Violation
        select id, ts, party, dayno from IncidentEvent(status >= 2 and sources >= 1
          and kind in ('shelling', 'missile_strike', 'air_strike', 'drone_strike', 'armed_clash', 'ground_assault')
          and within('front-zone', lon, lat));
      @name('attack') select count(*) as n from Violation(party = 'RU')#time(72 hours)
        having count(*) >= 5 and count(distinct dayno) >= 3 output first every 72 hours;
      @name('capitals') select * from IncidentEvent(status >= 2 and party = 'UA'
          and kind in ('missile_strike', 'drone_strike', 'air_strike')
          and (within('moscow', lon, lat) or within('st-petersburg', lon, lat)));
      """;
  static final String EPL_RUSSIA =
      """
      @name('russia') select * from IncidentEvent(status >= 2 and party = 'UA'
          and kind in ('shelling', 'missile_strike', 'air_strike', 'drone_strike', 'armed_clash', 'ground_assault')
          and within('russia-west', lon, lat));
      """;

  /**
   * The bookkeeping rule 2 obliges (what "hand loop + records" adds to the hand loop): incidents
   * that raised a violation, kept for 30 days of event time, looked up by id for every incoming
   * incident.
   */
  static final String EPL_REVISIONS =
      """
      create window Raised#time(30 days) as (id string, ts long);
      create index RaisedById on Raised(id hash);
      insert into Raised select id, ts from Violation;
      @name('revision') on IncidentEvent as i select r.id as rid from Raised as r where r.id = i.id;
      """;

  private static final AtomicInteger RUNTIMES = new AtomicInteger();

  private final EPRuntime runtime;
  private final EPEventService events;
  final long[] counts = new long[4];

  /**
   * Revisions found by the revision window (none in the synthetic stream, whose ids are unique).
   */
  long revisions;

  EsperPeer(Agreement agreement) {
    this(agreement, false);
  }

  /** With {@code revisionIndex}: also the revision window of {@link #EPL_REVISIONS}. */
  EsperPeer(Agreement agreement, boolean revisionIndex) {
    EsperFunctions.load(agreement);
    Configuration config = new Configuration();
    config.getCommon().addEventType("IncidentEvent", EsperIncident.class);
    config
        .getCompiler()
        .addPlugInSingleRowFunction("within", EsperFunctions.class.getName(), "within");
    config.getRuntime().getThreading().setInternalTimerEnabled(false);
    try {
      boolean russia = agreement.findings().containsKey("unprovoked-attack-on-russia");
      String epl = (russia ? EPL + EPL_RUSSIA : EPL) + (revisionIndex ? EPL_REVISIONS : "");
      EPCompiled compiled =
          EPCompilerProvider.getCompiler().compile(epl, new CompilerArguments(config));
      runtime =
          EPRuntimeProvider.getRuntime("umbrella-bench-" + RUNTIMES.incrementAndGet(), config);
      EPDeployment d = runtime.getDeploymentService().deploy(compiled);
      String[] names = {"violation", "attack", "capitals", "russia"};
      for (int k = 0; k < (russia ? 4 : 3); k++) {
        int slot = k;
        runtime
            .getDeploymentService()
            .getStatement(d.getDeploymentId(), names[k])
            .addListener(
                (newData, oldData, statement, rt) ->
                    counts[slot] += newData == null ? 0 : newData.length);
      }
      if (revisionIndex) {
        runtime
            .getDeploymentService()
            .getStatement(d.getDeploymentId(), "revision")
            .addListener(
                (newData, oldData, statement, rt) ->
                    revisions += newData == null ? 0 : newData.length);
      }
    } catch (EPCompileException | EPDeployException e) {
      throw new IllegalStateException("Esper rejected the EPL: " + e.getMessage(), e);
    }
    events = runtime.getEventService();
    events.clockExternal();
    events.advanceTime(0);
  }

  void process(Incident i) {
    long ts = i.time().toEpochMilli();
    events.advanceTime(ts);
    events.sendEventBean(
        new EsperIncident(
            i.id(),
            ts,
            i.kind().wireName(),
            i.status().rank(),
            i.independentSources(),
            i.actor().party(),
            i.place().lon(),
            i.place().lat(),
            Math.floorDiv(ts, 86_400_000L)),
        "IncidentEvent");
  }

  void close() {
    runtime.destroy();
  }
}
