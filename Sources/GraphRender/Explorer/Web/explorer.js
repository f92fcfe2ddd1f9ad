(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('graph-data').textContent);
  function $(id) { return document.getElementById(id); }
  var view = $('view'), svg = view.querySelector('svg'), tip = $('tip'), panel = $('panel');
  var nodes = D.nodes || [], edges = D.edges || [], steps = D.steps || [], n = nodes.length;
  function name(i) { return nodes[i][0] || 'v' + i; }

  // The figure's parts, by the names drawDot gives them: v3, v3_op,
  // v0->v3_op (an operand edge), v3_op->v3 (an op's edge to its value).
  var valueEl = [], opEl = [], resultEl = [], gradEl = [], figureGrad = [], edgeEls = {};
  var operands = [], users = [];
  for (var i = 0; i < n; i++) { operands.push([]); users.push([]); }
  edges.forEach(function (e) { operands[e[1]].push(e[0]); users[e[0]].push(e[1]); });
  function titleOf(g) { var t = g.querySelector('title'); return t ? t.textContent : ''; }
  svg.querySelectorAll('g.node').forEach(function (g) {
    var m = /^v(\d+)(_op)?$/.exec(titleOf(g));
    if (!m || +m[1] >= n) return;
    if (m[2]) { opEl[+m[1]] = g; g.classList.add('mg-op'); return; }
    var i = +m[1];
    valueEl[i] = g;
    g.classList.add('mg-value');
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', name(i) + ': data ' + nodes[i][2] + ', grad ' + nodes[i][3]);
    var texts = g.querySelectorAll('text'), last = texts[texts.length - 1];
    if (D.showGrad && last && last.textContent.indexOf('grad ') === 0) {
      gradEl[i] = last;
      figureGrad[i] = last.textContent;
    }
  });
  svg.querySelectorAll('g.edge').forEach(function (g) {
    var t = titleOf(g), m = /^v(\d+)->v(\d+)_op$/.exec(t);
    if (m) { (edgeEls[m[1] + '>' + m[2]] = edgeEls[m[1] + '>' + m[2]] || []).push(g); return; }
    m = /^v(\d+)_op->v(\d+)$/.exec(t);
    if (m) resultEl[+m[2]] = g;
  });
  var parts = [].concat(Array.prototype.slice.call(svg.querySelectorAll('g.node')),
                        Array.prototype.slice.call(svg.querySelectorAll('g.edge')));

  // Each edge's formula, and where each value gets its gradient from.
  var formulaOf = [], incoming = [];
  for (i = 0; i < n; i++) incoming.push([]);
  steps.forEach(function (s) { s[2].forEach(function (u) { formulaOf[u[0]] = u[3]; incoming[edges[u[0]][0]].push(u[0]); }); });
  var rootIndex = steps.length ? steps[0][0] : -1;

  // MARK: stepping through backward()
  var current = null, timer = null;
  function gradsAfter(k) {
    var g = [];
    if (k > 0 && rootIndex >= 0) g[rootIndex] = [D.root[0], D.root[1]];
    for (var s = 0; s < k; s++) steps[s][2].forEach(function (u) { g[edges[u[0]][0]] = [u[1], u[2]]; });
    return g;
  }
  function clearStepMarks() {
    svg.querySelectorAll('.mg-current, .mg-updated').forEach(function (g) { g.classList.remove('mg-current', 'mg-updated'); });
  }
  function mark(g, cls) { if (g) g.classList.add(cls); }
  function setStep(k) {
    clearStepMarks();
    if (k === null || !steps.length) {
      current = null;
      gradEl.forEach(function (t, i) { if (t) t.textContent = figureGrad[i]; });
      valueEl.forEach(function (g, i) { if (g) g.setAttribute('data-grad', nodes[i][3]); });
      $('step').textContent = 'the figure as drawn';
      panel.textContent = steps.length
        ? 'The figure as drawn. ▶ or → steps through backward(), one backwardStep() at a time; hover or focus a value for its numbers; click it for what it depends on.'
        : 'Pan with the wheel and by dragging; find text with /.';
      stopPlaying();
      if (tipFor !== null) showTip(tipFor);
      return;
    }
    current = Math.max(0, Math.min(steps.length, k));
    var grads = gradsAfter(current);
    gradEl.forEach(function (t, i) { if (t) t.textContent = 'grad ' + (grads[i] ? grads[i][1] : ''); });
    valueEl.forEach(function (g, i) { if (g) g.setAttribute('data-grad', grads[i] ? grads[i][0] : ''); });
    $('step').textContent = 'step ' + current + ' of ' + steps.length;
    if (current === 0) {
      panel.textContent = 'Step 0: the forward pass. No gradient is known yet. backward() sets ' + name(rootIndex)
        + '.grad = 1 and calls backwardStep() on every node, from ' + name(rootIndex) + ' back to the leaves.';
      if (tipFor !== null) showTip(tipFor);
      return;
    }
    var s = steps[current - 1], i = s[0];
    mark(valueEl[i], 'mg-current'); mark(opEl[i], 'mg-current'); mark(resultEl[i], 'mg-current');
    var lines = ['Step ' + current + ' of ' + steps.length + ': ' + name(i) + '.backwardStep(), with ' + name(i) + '.grad = ' + s[1]
      + (current === 1 ? ' (backward() set it to 1)' : '')];
    if (!s[2].length) lines.push(name(i) + ' is a leaf: it passes nothing on.');
    s[2].forEach(function (u) {
      var from = edges[u[0]][0];
      mark(valueEl[from], 'mg-updated');
      (edgeEls[from + '>' + i] || []).forEach(function (g) { g.classList.add('mg-current'); });
      lines.push('  ' + u[3] + '   → ' + name(from) + '.grad = ' + u[1]);
    });
    panel.textContent = lines.join('\n');
    if (tipFor !== null) showTip(tipFor);
  }
  function step(d) { setStep(current === null ? (d > 0 ? 0 : steps.length) : current + d); }
  function stopPlaying() { if (timer !== null) { clearInterval(timer); timer = null; $('play').textContent = 'play'; $('play').setAttribute('aria-label', 'play'); } }
  function play() {
    if (timer !== null) { stopPlaying(); return; }
    if (current === null || current >= steps.length) setStep(0);
    $('play').textContent = 'pause'; $('play').setAttribute('aria-label', 'pause');
    timer = setInterval(function () { if (current >= steps.length) stopPlaying(); else step(1); }, 800);
  }
  $('first').onclick = function () { setStep(0); };
  $('prev').onclick = function () { step(-1); };
  $('next').onclick = function () { step(1); };
  $('last').onclick = function () { setStep(steps.length); };
  $('play').onclick = play;
  $('figure').onclick = function () { setStep(null); };
  if (!steps.length) $('controls').hidden = true;

  // MARK: the tooltip
  var tipFor = null;
  function gradNow(i) {
    if (current === null) return nodes[i][3];
    var g = gradsAfter(current)[i];
    return g ? g[0] + '   (after step ' + current + ')' : '(not reached by step ' + current + ')';
  }
  function describe(i) {
    var op = nodes[i][1], ins = operands[i].map(name), head = name(i);
    if (op === '+' || op === '*') head += ' = ' + ins.join(' ' + op + ' ');
    else if (op.indexOf('**') === 0) head += ' = ' + ins[0] + op;
    else if (op) head += ' = ' + op + '(' + ins.join(', ') + ')';
    var lines = [head, 'data ' + nodes[i][2], 'grad ' + gradNow(i)];
    lines.push(ins.length ? 'operands: ' + ins.join(', ') : 'a leaf: no operands');
    var out = steps.length ? steps.filter(function (s) { return s[0] === i; })[0] : null;
    if (out && out[2].length) {
      lines.push('', 'the chain rule here, ' + name(i) + '.backwardStep():');
      out[2].forEach(function (u) { lines.push('  ' + u[3]); });
    }
    if (incoming[i].length) {
      lines.push('', name(i) + '.grad comes from:');
      incoming[i].forEach(function (e) { lines.push('  ' + formulaOf[e]); });
    } else if (i === rootIndex) {
      lines.push('', name(i) + '.grad = 1: backward() starts here');
    }
    return lines.join('\n');
  }
  function showTip(i) {
    tipFor = i;
    tip.textContent = describe(i);
    tip.hidden = false;
    var r = valueEl[i].getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.min(Math.max(4, r.left), window.innerWidth - w - 4);
    var y = r.bottom + 6 + h < window.innerHeight ? r.bottom + 6 : Math.max(4, r.top - h - 6);
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  }
  function hideTip() { tipFor = null; tip.hidden = true; }

  // MARK: what a value depends on, and what depends on it
  var picked = null;
  function closure(start, next) {
    var seen = {}, stack = [start];
    seen[start] = true;
    while (stack.length) next[stack.pop()].forEach(function (j) { if (!seen[j]) { seen[j] = true; stack.push(j); } });
    return seen;
  }
  function pick(i) {
    clearPick();
    picked = i;
    var up = closure(i, operands), down = closure(i, users);
    parts.forEach(function (g) { g.classList.add('mg-dim'); });
    function show(g) { if (g) g.classList.remove('mg-dim'); }
    for (var j = 0; j < n; j++) {
      if (!up[j] && !down[j]) continue;
      show(valueEl[j]);
      if (operands[j].length) { show(opEl[j]); show(resultEl[j]); }
    }
    edges.forEach(function (e) {
      if ((up[e[0]] && up[e[1]]) || (down[e[0]] && down[e[1]])) (edgeEls[e[0] + '>' + e[1]] || []).forEach(show);
    });
    valueEl[i].classList.add('mg-picked');
  }
  function clearPick() {
    picked = null;
    parts.forEach(function (g) { g.classList.remove('mg-dim', 'mg-picked'); });
  }

  valueEl.forEach(function (g, i) {
    if (!g) return;
    g.addEventListener('mouseenter', function () { showTip(i); });
    g.addEventListener('mouseleave', function () { if (document.activeElement !== g) hideTip(); });
    g.addEventListener('focus', function () { showTip(i); });
    g.addEventListener('blur', hideTip);
    g.addEventListener('click', function (e) { if (!dragged) { e.stopPropagation(); picked === i ? clearPick() : pick(i); } });
    g.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); picked === i ? clearPick() : pick(i); }
    });
  });

  // MARK: pan and zoom, by the SVG's viewBox
  svg.removeAttribute('width'); svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  var b = svg.viewBox.baseVal, homeText = svg.getAttribute('viewBox'), home = [b.x, b.y, b.width, b.height], box = home.slice();
  function apply() { svg.setAttribute('viewBox', box.join(' ')); if (tipFor !== null) showTip(tipFor); }
  function fit() { box = home.slice(); svg.setAttribute('viewBox', homeText); if (tipFor !== null) showTip(tipFor); }
  function toSVG(x, y) { var p = svg.createSVGPoint(); p.x = x; p.y = y; return p.matrixTransform(svg.getScreenCTM().inverse()); }
  function zoom(f, x, y) {
    var r = svg.getBoundingClientRect();
    var p = toSVG(x === undefined ? r.left + r.width / 2 : x, y === undefined ? r.top + r.height / 2 : y);
    box = [p.x - (p.x - box[0]) / f, p.y - (p.y - box[1]) / f, box[2] / f, box[3] / f];
    apply();
  }
  function pan(dx, dy) { var s = 1 / svg.getScreenCTM().a; box[0] -= dx * s; box[1] -= dy * s; apply(); }
  function centre(g) {
    var r = g.getBoundingClientRect(), v = svg.getBoundingClientRect();
    pan(v.left + v.width / 2 - (r.left + r.width / 2), v.top + v.height / 2 - (r.top + r.height / 2));
  }
  view.addEventListener('wheel', function (e) { e.preventDefault(); zoom(Math.exp(-e.deltaY * 0.002), e.clientX, e.clientY); }, { passive: false });
  var drag = null, dragged = false;
  view.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    drag = [e.clientX, e.clientY]; dragged = false;
  });
  window.addEventListener('pointermove', function (e) {
    if (!drag) return;
    var dx = e.clientX - drag[0], dy = e.clientY - drag[1];
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!dragged) { dragged = true; view.classList.add('dragging'); }
    drag = [e.clientX, e.clientY];
    pan(dx, dy);
  });
  window.addEventListener('pointerup', function () {
    drag = null; view.classList.remove('dragging');
    setTimeout(function () { dragged = false; }, 0);
  });
  view.addEventListener('click', function () { if (!dragged && picked !== null) clearPick(); });
  $('fit').onclick = fit;
  $('zoom-in').onclick = function () { zoom(1.25); };
  $('zoom-out').onclick = function () { zoom(0.8); };

  // MARK: find a value by its label
  var search = $('search'), matches = [], at = -1;
  var texts = n ? null : Array.prototype.slice.call(svg.querySelectorAll('g.node'));
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    svg.querySelectorAll('.mg-match').forEach(function (g) { g.classList.remove('mg-match'); });
    matches = []; at = -1;
    if (q) {
      if (n) { for (var j = 0; j < n; j++) if (valueEl[j] && name(j).toLowerCase().indexOf(q) >= 0) matches.push(valueEl[j]); }
      else texts.forEach(function (g) { if (g.textContent.toLowerCase().indexOf(q) >= 0) matches.push(g); });
    }
    matches.forEach(function (g) { g.classList.add('mg-match'); });
    $('found').textContent = q ? matches.length + (matches.length === 1 ? ' value' : ' values') + (matches.length ? ' (Enter: the next)' : '') : '';
  });
  search.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && matches.length) {
      e.preventDefault();
      at = (at + 1) % matches.length;
      centre(matches[at]);
      if (matches[at].getAttribute('tabindex') !== null) matches[at].focus();
    } else if (e.key === 'Escape') {
      search.value = ''; search.dispatchEvent(new Event('input')); search.blur();
    }
  });

  // MARK: the keyboard
  document.addEventListener('keydown', function (e) {
    if (e.target === search || e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (e.shiftKey && k.indexOf('Arrow') === 0) {
      var d = 60;
      pan(k === 'ArrowLeft' ? d : k === 'ArrowRight' ? -d : 0, k === 'ArrowUp' ? d : k === 'ArrowDown' ? -d : 0);
    } else if (k === 'ArrowRight' && steps.length) step(1);
    else if (k === 'ArrowLeft' && steps.length) step(-1);
    else if (k === 'Home' && steps.length) setStep(0);
    else if (k === 'End' && steps.length) setStep(steps.length);
    else if ((k === 'p' || k === 'P') && steps.length) play();
    else if (k === '+' || k === '=') zoom(1.25);
    else if (k === '-') zoom(0.8);
    else if (k === '0') fit();
    else if (k === '/') search.focus();
    else if (k === 'Escape') { clearPick(); stopPlaying(); hideTip(); }
    else return;
    e.preventDefault();
  });

  setStep(null);
  document.documentElement.setAttribute('data-ready', 'true');
})();
