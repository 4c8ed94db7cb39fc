/**
 * The sample browser's inline script: it reads the samples from the JSON block, renders one page of
 * rows at a time and builds a sample's details only when its row is opened, so 10,000 samples stay fast.
 * It writes model text only through `textContent`, never as HTML.
 */

/** Vanilla ES2017 run in the report page; must never contain a closing script tag. */
export const SAMPLE_BROWSER_SCRIPT = String.raw`(function () {
  'use strict';
  var PAGE = 100;
  var data = JSON.parse(document.getElementById('assay-data').textContent);
  var samples = data.samples;
  var scorers = data.scorers;
  var tbody = document.getElementById('sample-rows');
  var textBox = document.getElementById('sample-filter');
  var statusBox = document.getElementById('status-filter');
  var info = document.getElementById('sample-info');
  var prev = document.getElementById('page-prev');
  var next = document.getElementById('page-next');
  var shown = [];
  var page = 0;
  var haystacks = new Array(samples.length);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v) {
    if (v === null || v === undefined) return '\u2014';
    if (typeof v !== 'number' || !isFinite(v)) return String(v);
    return Math.round(v) === v ? String(v) : v.toFixed(3);
  }
  function scoreOf(s, name) {
    return Object.prototype.hasOwnProperty.call(s.scores, name) ? s.scores[name] : null;
  }
  function answerOf(s) {
    for (var i = 0; i < scorers.length; i++) {
      var sc = scoreOf(s, scorers[i]);
      if (sc && sc.answer !== null) return sc.answer;
    }
    return s.output === null ? '' : s.output;
  }
  function failing(s) {
    if (s.status !== 'completed') return false;
    for (var k in s.scores) if (Object.prototype.hasOwnProperty.call(s.scores, k) && !(s.scores[k].value >= 1)) return true;
    return false;
  }
  function haystack(i) {
    if (haystacks[i] === undefined) {
      var s = samples[i];
      haystacks[i] = [s.id, answerOf(s), s.output || '', s.error ? s.error.code + ' ' + s.error.message : ''].join('\n').toLowerCase();
    }
    return haystacks[i];
  }
  function keep(i) {
    var s = samples[i];
    var status = statusBox.value;
    if (status === 'completed' || status === 'error') { if (s.status !== status) return false; }
    else if (status === 'failing') { if (!failing(s)) return false; }
    else if (status === 'passing') { if (s.status !== 'completed' || failing(s)) return false; }
    var text = textBox.value.trim().toLowerCase();
    return text === '' || haystack(i).indexOf(text) !== -1;
  }
  function applyFilter() {
    shown = [];
    for (var i = 0; i < samples.length; i++) if (keep(i)) shown.push(i);
    page = 0;
    render();
  }
  function render() {
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    var start = page * PAGE;
    var end = Math.min(shown.length, start + PAGE);
    for (var j = start; j < end; j++) tbody.appendChild(row(shown[j]));
    info.textContent = shown.length === 0 ? 'No samples match (' + samples.length + ' in all).'
      : 'Showing ' + (start + 1) + '\u2013' + end + ' of ' + shown.length + ' (' + samples.length + ' in all).';
    prev.disabled = page === 0;
    next.disabled = end >= shown.length;
  }
  function row(i) {
    var s = samples[i];
    var tr = el('tr', 'sample');
    tr.setAttribute('data-index', String(i));
    tr.tabIndex = 0;
    tr.appendChild(el('td', 'mono', s.id));
    tr.appendChild(el('td', 'num', s.epoch));
    tr.appendChild(el('td', null)).appendChild(el('span', 'status status-' + (s.status === 'completed' ? 'completed' : 'error'), s.status));
    for (var k = 0; k < scorers.length; k++) {
      var sc = scoreOf(s, scorers[k]);
      tr.appendChild(el('td', 'num ' + (sc ? (sc.value >= 1 ? 'pass' : 'fail') : 'muted'), sc ? fmt(sc.value) : '\u2014'));
    }
    var answer = answerOf(s);
    var td = el('td', 'answer', answer.length > 300 ? answer.slice(0, 300) + '\u2026' : answer);
    td.title = answer.length > 2000 ? answer.slice(0, 2000) + '\u2026' : answer;
    tr.appendChild(td);
    return tr;
  }
  function section(parent, title) {
    parent.appendChild(el('h4', null, title));
  }
  function pre(text) {
    return el('pre', null, text);
  }
  function detail(s) {
    var box = el('div', 'detail');
    if (s.error) {
      section(box, 'Error');
      box.appendChild(el('div', 'error-box', s.error.code + ': ' + s.error.message));
    }
    section(box, 'Transcript');
    if (s.messages.length === 0) box.appendChild(el('p', 'muted', 'No messages.'));
    s.messages.forEach(function (m) {
      var msg = el('div', 'msg msg-' + (m.role === 'system' || m.role === 'user' || m.role === 'assistant' ? m.role : 'other'));
      msg.appendChild(el('div', 'role', m.role));
      msg.appendChild(pre(m.content));
      box.appendChild(msg);
    });
    if (s.output !== null) {
      section(box, 'Final output');
      box.appendChild(pre(s.output));
    }
    section(box, 'Scores');
    var target = Array.isArray(s.target) ? s.target.join(' | ') : s.target;
    box.appendChild(el('p', null, 'Target: ' + (target === '' ? '\u2014' : target) + '   \u00b7   Label: ' + s.label));
    var st = table(['Scorer', 'Value', 'Answer', 'Explanation']);
    Object.keys(s.scores).forEach(function (name) {
      var sc = s.scores[name];
      addRow(st, [name, fmt(sc.value), sc.answer === null ? '\u2014' : sc.answer, sc.explanation], [null, 'num ' + (sc.value >= 1 ? 'pass' : 'fail'), null, 'pre-wrap']);
    });
    box.appendChild(st.table);
    section(box, 'Model calls (' + s.calls.length + ')');
    if (s.calls.length > 0) {
      var ct = table(['Role', 'Provider', 'Model', 'Input tokens', 'Output tokens', 'Latency ms', 'Cached', 'Error']);
      s.calls.forEach(function (c) {
        addRow(ct, [c.role, c.provider, c.model, c.inputTokens, c.outputTokens, c.latencyMs, c.cached ? 'yes' : 'no', c.error || ''], [null, null, null, 'num', 'num', 'num', null, 'fail']);
      });
      box.appendChild(ct.table);
    }
    var meta = Object.keys(s.metadata || {});
    if (meta.length > 0) {
      section(box, 'Metadata');
      box.appendChild(pre(JSON.stringify(s.metadata, null, 2)));
    }
    box.appendChild(el('p', 'muted', 'Started ' + s.startedAt + ' \u00b7 completed ' + s.completedAt));
    return box;
  }
  function table(head) {
    var t = el('table');
    var tr = t.appendChild(el('thead')).appendChild(el('tr'));
    head.forEach(function (h) { tr.appendChild(el('th', null, h)); });
    return { table: t, body: t.appendChild(el('tbody')) };
  }
  function addRow(t, cells, classes) {
    var tr = t.body.appendChild(el('tr'));
    cells.forEach(function (c, i) { tr.appendChild(el('td', classes[i], c)); });
  }
  function toggle(tr) {
    var after = tr.nextSibling;
    if (after && after.className === 'detail') {
      tbody.removeChild(after);
      tr.className = 'sample';
      return;
    }
    var d = el('tr', 'detail');
    var td = d.appendChild(el('td'));
    td.colSpan = 4 + scorers.length;
    td.appendChild(detail(samples[Number(tr.getAttribute('data-index'))]));
    tbody.insertBefore(d, after);
    tr.className = 'sample open';
  }
  function rowOf(target) {
    for (var n = target; n && n !== tbody; n = n.parentNode) if (n.className === 'sample' || n.className === 'sample open') return n;
    return null;
  }
  tbody.addEventListener('click', function (e) {
    var tr = rowOf(e.target);
    if (tr) toggle(tr);
  });
  tbody.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    var tr = rowOf(e.target);
    if (tr) { e.preventDefault(); toggle(tr); }
  });
  var timer = null;
  textBox.addEventListener('input', function () {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(function () { timer = null; applyFilter(); }, 150);
  });
  statusBox.addEventListener('change', applyFilter);
  prev.addEventListener('click', function () { if (page > 0) { page--; render(); } });
  next.addEventListener('click', function () { if ((page + 1) * PAGE < shown.length) { page++; render(); } });
  applyFilter();
})();
`;
