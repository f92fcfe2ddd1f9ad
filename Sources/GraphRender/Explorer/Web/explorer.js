// The explorer page of a drawing (GraphRender's Drawing.html()): the
// figure, the steps of backward() as the engine ran them, and a details
// panel that explains each value and each step. No framework, nothing
// fetched: the numbers come from the `graph-data` element, which Swift
// wrote; pan-zoom.js, stepper.js and export.js run before this file.
(function () {
  'use strict';
  var M = window.Micrograd;
  var D = JSON.parse(document.getElementById('graph-data').textContent);
  function $(id) { return document.getElementById(id); }
  var view = $('view'), svg = view.querySelector('svg'), now = $('now'), details = $('details');
  var nodes = D.nodes || [], edges = D.edges || [], steps = D.steps || [], rules = D.rules || {};
  var n = nodes.length, full = $('full');

  // MARK: the figure's parts
  // By the names drawDot gives them: v3, v3_op, v0->v3_op (an operand edge),
  // v3_op->v3 (an op's edge to its value).
  var valueEl = [], opEl = [], resultEl = [], gradEl = [], figureGrad = [], edgeEls = {};
  var operands = [], users = [], i;
  for (i = 0; i < n; i++) { operands.push([]); users.push([]); }
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
  var parts = Array.from(svg.querySelectorAll('g.node, g.edge'));

  // MARK: names, as the drawing shows them
  // A value's label; without one, its operation on its operands' names
  // ("a*b + c" is drawn as a record beside a + beside those), or, when that
  // is long, its operation and data as drawn: ⟨tanh = 0.7071⟩.
  var names = [];
  function simple(s) { return /^[^\s()+\-*/=<>,^|&!%]+$/.test(s) || /^⟨[^⟩]*⟩$/.test(s); }
  function ref(i) { return simple(names[i]) ? names[i] : '(' + names[i] + ')'; }
  function expression(i) {
    var op = nodes[i][1], ins = operands[i].map(ref);
    if (op === '+' || op === '*') return ins.join(' ' + op + ' ');
    if (op === 'sum') return ins.join(' + ');
    if (op.indexOf('**') === 0) return ins[0] + op;
    return op + '(' + operands[i].map(function (j) { return names[j]; }).join(', ') + ')';
  }
  for (i = 0; i < n; i++) {
    if (nodes[i][0]) names.push(nodes[i][0]);
    else if (!nodes[i][1]) names.push('⟨data ' + nodes[i][4] + '⟩');
    else {
      var e = expression(i);
      names.push(e.length <= 30 ? e : '⟨' + nodes[i][1] + ' = ' + nodes[i][4] + '⟩');
    }
  }

  // MARK: numbers, as the figure rounds them or in full
  // A number is [its shortest text, its text in the figure's format].
  function num(pair) { return full.checked ? pair[0] : pair[1]; }
  var stepOf = [], incoming = [], rootIndex = steps.length ? steps[0][0] : -1;
  for (i = 0; i < n; i++) incoming.push([]);
  steps.forEach(function (s, k) {
    stepOf[s[0]] = k;
    s[3].forEach(function (u, j) { incoming[edges[u[0]][0]].push([k, j]); });
  });
  // The chain rule of update j of step k, with its numbers.
  function formula(k, j) {
    var s = steps[k], u = s[3][j], from = edges[u[0]][0];
    var local = u[3].replace(/\{(\d+)\}/g, function (m, v) { return ref(+v); });
    return ref(from) + '.grad += ' + local + ' × ' + ref(s[0]) + '.grad = '
      + num([u[4], u[5]]) + ' × ' + num([s[1], s[2]]) + ' = ' + num([u[6], u[7]]);
  }
  // Every value's gradient after k steps, as [full, text]; none computed is 0.
  function gradsAfter(k) {
    var g = [];
    if (k === null) return nodes.map(function (v) { return [v[3], v[5]]; });
    for (var j = 0; j < n; j++) g.push(D.zero);
    if (k > 0 && rootIndex >= 0) g[rootIndex] = D.root;
    for (var s = 0; s < k; s++) steps[s][3].forEach(function (u) { g[edges[u[0]][0]] = [u[1], u[2]]; });
    return g;
  }

  // MARK: the panel
  function line(parent, text, tag) {
    var p = document.createElement(tag || 'p');
    p.textContent = text;
    parent.appendChild(p);
    return p;
  }
  function code(parent, text) { line(parent, text, 'code'); }
  var grads = gradsAfter(null), current = null, labelOf = [];

  function showStep(k) {
    now.textContent = '';
    if (k === null) {
      line(now, steps.length
        ? 'The figure as drawn, after backward(). ▶ or → steps through backward(), one backwardStep() at a time, '
          + 'from step 0. Point at, tap or Tab to a value for its numbers and its rule.'
        : 'Drag or use the wheel to pan and zoom; find text with /.');
      return;
    }
    if (k === 0) {
      line(now, 'Step 0 of ' + steps.length + ': the forward pass. Every grad is 0: none is computed yet. '
        + 'backward() sets ' + ref(rootIndex) + '.grad = 1, then calls backwardStep() on every value, from '
        + names[rootIndex] + ' back to the leaves.');
      return;
    }
    var s = steps[k - 1], i = s[0];
    line(now, 'Step ' + k + ' of ' + steps.length + ': ' + ref(i) + '.backwardStep(), with ' + ref(i)
      + '.grad = ' + num([s[1], s[2]]) + (k === 1 ? ' (backward() set it to 1)' : ''));
    if (!s[3].length) { line(now, names[i] + ' is a leaf: it passes nothing on.'); return; }
    line(now, rules[nodes[i][1]] || '', 'p').className = 'rule';
    s[3].forEach(function (u, j) {
      var from = edges[u[0]][0];
      code(now, formula(k - 1, j) + '   → ' + ref(from) + '.grad = ' + num([u[1], u[2]]));
    });
  }

  var shown = null, picked = null;
  function showDetails(i) {
    shown = i;
    details.textContent = '';
    if (i === null) return;
    var op = nodes[i][1], head = names[i];
    if (op && nodes[i][0]) head += ' = ' + expression(i);
    line(details, head, 'h2');
    var list = document.createElement('dl');
    function item(term, value) { line(list, term, 'dt'); line(list, value, 'dd'); }
    item('data', num([nodes[i][2], nodes[i][4]]));
    var note = current === null ? '' : reached(i) ? '   (after step ' + current + ')'
      : '   (none computed yet at step ' + current + ')';
    item('grad', num(grads[i]) + note);
    if (op) item('op', op);
    item('operands', operands[i].length ? operands[i].map(function (j) { return names[j]; }).join(', ')
      : 'none: a leaf');
    details.appendChild(list);
    if (op && rules[op]) line(details, rules[op], 'p').className = 'rule';
    var k = stepOf[i];
    if (k !== undefined && steps[k][3].length) {
      line(details, 'the chain rule here, ' + ref(i) + '.backwardStep() (step ' + (k + 1) + '):');
      steps[k][3].forEach(function (u, j) { code(details, formula(k, j)); });
    }
    if (incoming[i].length) {
      line(details, ref(i) + '.grad comes from:');
      incoming[i].forEach(function (kj) { code(details, formula(kj[0], kj[1])); });
    } else if (i === rootIndex) {
      line(details, ref(i) + '.grad = 1: backward() starts here.');
    }
  }
  // Whether a step before the current one reached value i.
  function reached(i) {
    if (current === null) return true;
    if (i === rootIndex) return current > 0;
    return incoming[i].some(function (kj) { return kj[0] < current; });
  }
  full.addEventListener('change', function () { showStep(current); showDetails(shown); });

  // MARK: the legend
  var legend = $('mg-legend');
  [['mg-current', 'the step\'s value', true], ['mg-updated', 'what the step updated', true],
    ['mg-picked', 'the chosen value'], ['mg-up', 'what it depends on'], ['mg-down', 'what depends on it'],
    ['mg-match', 'found']].forEach(function (entry) {
    if (entry[2] && !steps.length) return;
    var li = line(legend, entry[1], 'li'), swatch = document.createElement('span');
    swatch.className = 'swatch ' + entry[0];
    swatch.setAttribute('aria-hidden', 'true');
    li.insertBefore(swatch, li.firstChild);
  });
  if (!n) $('precision').hidden = true;

  // MARK: stepping through backward()
  function setLabel(i) {
    var text = names[i] + ': data ' + nodes[i][4] + ', grad ' + grads[i][1]
      + (current !== null && current > 0 && steps[current - 1][0] === i ? ', the current step' : '');
    if (labelOf[i] !== text) { valueEl[i].setAttribute('aria-label', text); labelOf[i] = text; }
  }
  function show(k) {
    current = k;
    svg.querySelectorAll('.mg-current, .mg-updated').forEach(function (g) {
      g.classList.remove('mg-current', 'mg-updated');
    });
    var was = svg.querySelector('[aria-current]');
    if (was) was.removeAttribute('aria-current');
    grads = gradsAfter(k);
    gradEl.forEach(function (t, i) {
      var text = k === null ? figureGrad[i] : 'grad ' + grads[i][1];
      if (t.textContent !== text) t.textContent = text;
    });
    valueEl.forEach(function (g, i) { if (g.getAttribute('data-grad') !== grads[i][0]) g.setAttribute('data-grad', grads[i][0]); });
    $('step').textContent = k === null ? 'the figure as drawn' : 'step ' + k + ' of ' + steps.length;
    var s = k ? steps[k - 1] : null;
    if (s) {
      var i = s[0];
      [valueEl[i], opEl[i], resultEl[i]].forEach(function (g) { if (g) g.classList.add('mg-current'); });
      s[3].forEach(function (u) {
        var from = edges[u[0]][0];
        if (valueEl[from]) valueEl[from].classList.add('mg-updated');
        (edgeEls[from + '>' + i] || []).forEach(function (g) { g.classList.add('mg-current'); });
      });
    }
    valueEl.forEach(function (g, i) { if (g) setLabel(i); });
    showStep(k);
    if (shown !== null) showDetails(shown);
    if (s && valueEl[s[0]]) {
      valueEl[s[0]].setAttribute('aria-current', 'step');
      zoom.reveal(valueEl[s[0]]);
    }
  }

  // MARK: what a value depends on, and what depends on it
  function closure(start, next) {
    var seen = {}, stack = [start];
    seen[start] = true;
    while (stack.length) next[stack.pop()].forEach(function (j) { if (!seen[j]) { seen[j] = true; stack.push(j); } });
    return seen;
  }
  function clearPick() {
    picked = null;
    parts.forEach(function (g) { g.classList.remove('mg-dim', 'mg-picked', 'mg-up', 'mg-down'); });
  }
  function pick(i) {
    clearPick();
    picked = i;
    var up = closure(i, operands), down = closure(i, users);
    parts.forEach(function (g) { g.classList.add('mg-dim'); });
    function mark(g, cls) { if (g) { g.classList.remove('mg-dim'); if (cls) g.classList.add(cls); } }
    for (var j = 0; j < n; j++) {
      if (!up[j] && !down[j]) continue;
      var cls = j === i ? 'mg-picked' : up[j] ? 'mg-up' : 'mg-down';
      mark(valueEl[j], cls);
      if (operands[j].length) { mark(opEl[j]); mark(resultEl[j]); }
    }
    edges.forEach(function (e) {
      if ((up[e[0]] && up[e[1]]) || (down[e[0]] && down[e[1]])) (edgeEls[e[0] + '>' + e[1]] || []).forEach(mark);
    });
    showDetails(i);
  }
  function toggle(i) { if (picked === i) clearPick(); else pick(i); }

  // MARK: pan and zoom, export
  var zoom = M.PanZoom(view, svg);
  var stepper = M.Stepper({
    count: steps.length, show: show,
    empty: function (k) { return !steps[k - 1][3].length; }
  });
  $('fit').onclick = zoom.fit;
  $('zoom-in').onclick = function () { zoom.zoom(1.25); };
  $('zoom-out').onclick = function () { zoom.zoom(0.8); };
  function fileName() {
    var base = decodeURIComponent(location.pathname.split('/').pop().replace(/\.html?$/i, '')) || 'graph';
    return base + (current === null ? '' : '-step-' + current);
  }
  $('save-svg').onclick = function () { M.Exporter.saveSVG(svg, view, fileName()); };
  $('save-png').onclick = function () { M.Exporter.savePNG(svg, view, fileName()); };

  valueEl.forEach(function (g, i) {
    g.addEventListener('mouseenter', function () { showDetails(i); });
    g.addEventListener('mouseleave', function () {
      var f = document.activeElement, j = valueEl.indexOf(f);
      showDetails(j >= 0 ? j : picked);
    });
    // Focus from the keyboard brings the value into view; a click does not move it.
    g.addEventListener('focus', function () { if (g.matches(':focus-visible')) zoom.reveal(g); showDetails(i); });
    g.addEventListener('click', function (e) { if (!zoom.dragged()) { e.stopPropagation(); toggle(i); } });
    g.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(i); }
    });
  });
  view.addEventListener('click', function () { if (!zoom.dragged() && picked !== null) { clearPick(); showDetails(null); } });

  // MARK: find a value by its label
  var search = $('search'), matches = [], at = -1;
  var texts = n ? null : Array.from(svg.querySelectorAll('g.node'));
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    svg.querySelectorAll('.mg-match').forEach(function (g) { g.classList.remove('mg-match'); });
    matches = []; at = -1;
    if (q) {
      if (n) { for (var j = 0; j < n; j++) if (valueEl[j] && names[j].toLowerCase().indexOf(q) >= 0) matches.push(valueEl[j]); }
      else texts.forEach(function (g) { if (g.textContent.toLowerCase().indexOf(q) >= 0) matches.push(g); });
    }
    matches.forEach(function (g) { g.classList.add('mg-match'); });
    $('found').textContent = q ? matches.length + (matches.length === 1 ? ' value' : ' values') : '';
  });
  search.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && matches.length) {
      e.preventDefault();
      at = (at + 1) % matches.length;
      if (!zoom.reveal(matches[at])) zoom.centre(matches[at]);
      if (matches[at].getAttribute('tabindex') !== null) matches[at].focus();
    } else if (e.key === 'Escape') {
      search.value = ''; search.dispatchEvent(new Event('input')); search.blur();
    }
  });

  // MARK: the keyboard
  document.addEventListener('keydown', function (e) {
    if (e.target === search || e.target.tagName === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (zoom.key(e)) { e.preventDefault(); return; }
    if (steps.length && stepper.key(e)) { e.preventDefault(); return; }
    if (e.key === '/') search.focus();
    else if (e.key === 'Escape') { clearPick(); stepper.pause(); showDetails(null); }
    else return;
    e.preventDefault();
  });

  if (!steps.length) { $('controls').hidden = true; $('options').hidden = true; }
  stepper.start();
  document.documentElement.setAttribute('data-ready', 'true');
})();
