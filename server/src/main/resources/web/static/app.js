// Umbrella pages: live updates over Server-Sent Events, countdowns, the map. No build step.
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content;
  // The page's words in the reader's language, from the server's bundles (Messages.scriptWords).
  var words = {};
  try { words = JSON.parse(document.body.getAttribute('data-i18n') || '{}'); } catch (e) { words = {}; }
  var lang = document.documentElement.lang || 'en';
  function w(key) {
    var t = words[key] == null ? key : words[key];
    for (var i = 1; i < arguments.length; i++) t = t.split('{' + (i - 1) + '}').join(String(arguments[i]));
    return t;
  }
  function n(x) { return Number(x).toLocaleString(lang); }
  function code(group, c) { return words[group + '.' + c] || String(c || '').replace(/_/g, ' '); }
  function span(ms) {
    var d = Math.floor(ms / 864e5), h = Math.floor(ms % 864e5 / 36e5), m = Math.floor(ms % 36e5 / 6e4);
    return d > 0 ? d + ' ' + w('unit.d') + ' ' + h + ' ' + w('unit.h') : h + ' ' + w('unit.h') + ' ' + (m < 10 ? '0' : '') + m + ' ' + w('unit.min');
  }
  function fmt(ms) { return ms < 0 ? w('countdown.overdue', span(-ms)) : w('countdown.left', span(ms)); }

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (e) { if (csrf) e.detail.headers['X-CSRF-Token'] = csrf; });

  // Countdowns to obligation deadlines, updated every 30 seconds.
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      el.textContent = fmt(Date.parse(el.getAttribute('data-countdown')) - now);
    });
  }
  tick(); setInterval(tick, 30000);

  // Countdowns counted from the server's time when the page was made (trusted time), not the
  // browser's clock: the page says how many milliseconds were left, the browser only subtracts
  // how long it has been open.
  var loaded = Date.now();
  function tickTrusted() {
    var open = Date.now() - loaded;
    document.querySelectorAll('[data-remaining-ms]').forEach(function (el) {
      el.textContent = fmt(Number(el.getAttribute('data-remaining-ms')) - open);
    });
  }
  setInterval(tickTrusted, 30000);

  // The mini-map of a finding's evidence: its reports as points, the view fitted to them.
  var mini = document.getElementById('minimap');
  if (mini && window.L) {
    var pts = JSON.parse(mini.getAttribute('data-points') || '[]');
    var mm = L.map(mini, { keyboard: false, scrollWheelZoom: false, attributionControl: false }).setView([48.5, 33.5], 5);
    fetch(mini.getAttribute('data-regions')).then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, { style: { color: '#4a5360', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 }, interactive: false }).addTo(mm);
    });
    mm.createPane('evidence'); mm.getPane('evidence').style.zIndex = 450; // above the regions, which load later
    var bounds = [];
    pts.forEach(function (p) {
      L.circleMarker([p[0], p[1]], { radius: 7, weight: 3, color: '#a3162b', fillColor: '#f6d2d6', fillOpacity: 0.9, pane: 'evidence' })
        .bindTooltip(p[2] + ' (' + code('kind', p[3]) + ')').addTo(mm);
      bounds.push([p[0], p[1]]);
    });
    if (bounds.length) mm.fitBounds(bounds, { padding: [30, 30], maxZoom: 10 });
    mini.setAttribute('data-drawn', String(bounds.length));
  }

  // Live updates: any event refreshes the live region of the page (dashboard).
  var live = document.getElementById('live');
  if (live && window.EventSource) {
    var state = document.getElementById('live-state');
    var source = new EventSource('/events');
    var pending = null;
    var refresh = function () {
      if (pending) return;
      pending = setTimeout(function () {
        pending = null;
        htmx.ajax('GET', live.getAttribute('data-live-fragment'), { target: '#live', swap: 'innerHTML' }).then(tick);
      }, 200);
    };
    source.onopen = function () { if (state) state.textContent = w('js.live'); document.body.setAttribute('data-live', 'open'); };
    source.onerror = function () { if (state) state.textContent = w('js.reconnecting'); };
    source.onmessage = refresh;
    ['report.filed', 'report.reviewed', 'finding.candidate', 'finding.confirmed', 'finding.rejected', 'finding.withdrawn',
     'finding.voted', 'obligation.pending', 'obligation.answered', 'obligation.breached', 'obligation.fulfilled',
     'obligation.waived', 'status.changed'].forEach(function (t) { source.addEventListener(t, refresh); });
  }

  // "Now" beside a time field: the current UTC time to the minute.
  document.querySelectorAll('[data-now]').forEach(function (b) {
    b.addEventListener('click', function () {
      var f = document.getElementById(b.getAttribute('data-now'));
      if (f) f.value = new Date().toISOString().slice(0, 16) + 'Z';
    });
  });

  // Rules the server checks too, said before sending: a rejection needs a reason, "fulfilled" a decision.
  function say(form, id, text) {
    var p = form.querySelector('.client-error');
    if (!p) { p = document.createElement('p'); p.className = 'error field-error client-error'; p.setAttribute('role', 'alert'); form.insertBefore(p, form.firstChild.nextSibling); }
    p.id = id; p.textContent = text;
  }
  document.querySelectorAll('form.review-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      var st = form.querySelector('input[name=status]:checked'), note = form.querySelector('textarea[name=note]');
      if (st && st.value === 'rejected' && note && !note.value.trim()) {
        e.preventDefault(); say(form, 'client-error', w('js.reject-reason')); note.focus();
      }
    });
  });
  document.querySelectorAll('form.answer-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      var a = form.querySelector('input[name=answer]:checked'), d = form.querySelector('[data-required-with]');
      if (a && d && a.value === d.getAttribute('data-required-with') && !d.value) {
        e.preventDefault(); say(form, 'client-error', w('js.need-decision')); d.focus();
      }
    });
  });

  // Print button on the daily report.
  document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });

  // The report form's location picker: search the gazetteer or click the map; both fill in
  // latitude and longitude and say where that is ("2 km SE of Horlivka").
  var pick = document.getElementById('pick-map');
  if (pick && window.L) {
    var latF = document.getElementById('lat'), lonF = document.getElementById('lon');
    var said = document.getElementById('place-picked'), results = document.getElementById('place-results');
    var search = document.getElementById('place-search');
    var pm = L.map(pick, { scrollWheelZoom: false, attributionControl: false }).setView([48.5, 33.5], 5);
    fetch(pick.getAttribute('data-regions')).then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, { style: { color: '#4a5360', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 }, interactive: false }).addTo(pm);
    });
    var marker = null;
    function setPlace(lat, lon, zoom) {
      latF.value = lat.toFixed(5); lonF.value = lon.toFixed(5);
      if (marker) marker.setLatLng([lat, lon]); else marker = L.marker([lat, lon], { keyboard: false }).addTo(pm);
      if (zoom) pm.setView([lat, lon], zoom);
      fetch('/places/describe?lat=' + lat + '&lon=' + lon + '&lang=' + encodeURIComponent(lang)).then(function (r) { return r.json(); }).then(function (d) {
        said.textContent = w('js.chosen', d.description + ' (' + latF.value + ', ' + lonF.value + ')');
        pick.setAttribute('data-picked', d.description);
      });
    }
    pm.on('click', function (e) { setPlace(e.latlng.lat, e.latlng.lng, 0); });
    if (latF.value && lonF.value && !isNaN(Number(latF.value)) && !isNaN(Number(lonF.value))) {
      marker = L.marker([Number(latF.value), Number(lonF.value)], { keyboard: false }).addTo(pm);
    }
    var pendingSearch = null;
    search.addEventListener('input', function () {
      clearTimeout(pendingSearch);
      pendingSearch = setTimeout(function () {
        var q = search.value.trim();
        if (q.length < 2) { results.innerHTML = ''; return; }
        fetch('/places/search?q=' + encodeURIComponent(q) + '&lang=' + encodeURIComponent(lang)).then(function (r) { return r.json(); }).then(function (list) {
          results.innerHTML = '';
          list.forEach(function (p) {
            var li = document.createElement('li'), b = document.createElement('button');
            b.type = 'button'; b.className = 'link place-choice';
            b.textContent = (p.label || p.name) + ', ' + (p.regionLabel || p.region) + (p.population ? ' (' + w('js.population', n(p.population)) + ')' : '');
            b.addEventListener('click', function () { setPlace(p.lat, p.lon, 11); results.innerHTML = ''; search.value = p.label || p.name; });
            li.appendChild(b); results.appendChild(li);
          });
          if (!list.length) { var li = document.createElement('li'); li.textContent = w('js.no-settlement'); results.appendChild(li); }
        });
      }, 200);
    });
    search.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); var b = results.querySelector('button'); if (b) b.click(); } });
  }

  // The map: regions, incidents coloured by kind and status, grid clustering by zoom, time filter.
  var mapEl = document.getElementById('map');
  if (mapEl && window.L) {
    var map = L.map(mapEl, { keyboard: true }).setView([48.5, 33.5], 6);
    fetch(mapEl.getAttribute('data-regions')).then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, { style: { color: '#4a5360', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 },
        onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.region_code); } }).addTo(map);
    });
    fetch(mapEl.getAttribute('data-places')).then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, { style: function (f) { return f.properties.area
          ? { color: '#8a4b00', weight: 1, dashArray: '4 4', fillColor: '#ffbf47', fillOpacity: 0.12 }
          : { color: '#a3162b', weight: 3 }; },
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 4, color: '#8a4b00' }); },
        onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.title); } }).addTo(map);
    });
    var fire = ['shelling', 'missile_strike', 'air_strike', 'drone_strike', 'armed_clash', 'ground_assault'];
    var layer = L.layerGroup().addTo(map), reports = [];
    function esc(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
    function draw() {
      layer.clearLayers();
      var z = map.getZoom(), cell = 2.5 / Math.pow(2, z - 5), cells = {};
      reports.forEach(function (r) {
        var key = z >= 10 ? r.id : Math.floor(r.place.lat / cell) + ':' + Math.floor(r.place.lon / cell);
        (cells[key] = cells[key] || []).push(r);
      });
      Object.keys(cells).forEach(function (k) {
        var rs = cells[k];
        if (rs.length === 1) {
          var r = rs[0], isFire = fire.indexOf(r.kind) >= 0;
          L.circleMarker([r.place.lat, r.place.lon], { radius: 7, weight: 3, color: isFire ? '#a3162b' : '#0b4f9c',
            dashArray: r.status === 'verified' ? null : r.status === 'corroborated' ? '4 3' : '1 3',
            fillColor: isFire ? '#f6d2d6' : '#d7e4f4', fillOpacity: 0.9 })
            .bindPopup('<strong>' + esc(code('kind', r.kind)) + '</strong> (' + esc(code('status', r.status)) + ')<br>' + esc(r.time) + '<br>' +
              esc(r.actor.party || w('js.unattributed')) + '<br>' + esc(r.summary) + '<br><a href="/reports/' + encodeURIComponent(r.id) + '">' + esc(w('js.report-link')) + '</a>')
            .addTo(layer);
        } else {
          var lat = 0, lon = 0;
          rs.forEach(function (r) { lat += r.place.lat; lon += r.place.lon; });
          L.marker([lat / rs.length, lon / rs.length], { icon: L.divIcon({ className: 'cluster', html: String(rs.length), iconSize: [32, 32] }),
            keyboard: true, title: w('js.cluster', n(rs.length)) })
            .on('click', function (e) { map.setView(e.latlng, Math.min(z + 2, 12)); }).addTo(layer);
        }
      });
    }
    // The filters live in the URL, so that a view can be shared and survives a reload.
    var params = new URLSearchParams(location.search);
    ['from', 'to'].forEach(function (n) { if (params.get(n)) document.getElementById(n).value = params.get(n); });
    // kind, status and actor: a value the select does not offer (an old link) is left at "all"
    [['kind', 'm-kind'], ['status', 'm-status'], ['actor', 'm-actor']].forEach(function (p) {
      var sel = document.getElementById(p[1]), v = params.get(p[0]);
      if (sel && v && Array.prototype.some.call(sel.options, function (o) { return o.value === v; })) sel.value = v;
    });
    function load() {
      var q = '', f = document.getElementById('from').value, t = document.getElementById('to').value, k = document.getElementById('m-kind').value;
      var st = document.getElementById('m-status').value, ac = document.getElementById('m-actor').value;
      if (f) q += '&from=' + f + 'T00:00:00Z';
      if (t) q += '&to=' + t + 'T23:59:59Z';
      if (k) q += '&kind=' + encodeURIComponent(k);
      if (st) q += '&status=' + encodeURIComponent(st);
      if (ac) q += '&actor=' + encodeURIComponent(ac);
      var shown = new URLSearchParams();
      if (f) shown.set('from', f); if (t) shown.set('to', t); if (k) shown.set('kind', k);
      if (st) shown.set('status', st); if (ac) shown.set('actor', ac);
      // the language switcher shows this same selection in the other language
      document.querySelectorAll('.langs a[hreflang]').forEach(function (a) {
        var withLang = new URLSearchParams(shown); withLang.set('lang', a.getAttribute('hreflang'));
        a.href = location.pathname + '?' + withLang;
      });
      history.replaceState(null, '', location.pathname + (shown.toString() ? '?' + shown : ''));
      ['csv', 'geojson'].forEach(function (x) { var a = document.getElementById('export-' + x); if (a) a.href = '/export/reports.' + x + (q ? '?' + q.slice(1) : ''); });
      var count = document.getElementById('map-count'), size = Number(mapEl.getAttribute('data-page-size'));
      Promise.all([
        fetch(mapEl.getAttribute('data-reports') + q, { credentials: 'same-origin' }).then(function (r) { return r.json(); }),
        fetch('/map/count?' + q.slice(1), { credentials: 'same-origin' }).then(function (r) { return r.json(); })
      ]).then(function (res) {
        reports = res[0].items || []; draw();
        var total = res[1].total;
        mapEl.setAttribute('data-count', String(reports.length));
        count.setAttribute('data-total', String(total));
        count.textContent = total > reports.length ? w('map.count.some', n(reports.length), n(total)) : w('map.count.all', n(total));
      });
    }
    map.on('zoomend', draw);
    document.getElementById('map-filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
    load();
  }
})();
