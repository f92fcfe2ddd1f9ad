// The training page (Figures' TrainingPage): draws a RecordedTraining, which
// the Swift run wrote into the training-data element, step by step, with the
// explorer's shared stepper (stepper.js). It computes nothing of the
// model's: the regions, losses and weights are the recorded ones.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('training-data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  var snapshots = D.snapshots, plane = D.plane, cells = plane.cells, layers = D.layers;
  function $(id) { return document.getElementById(id); }
  function el(name, attributes, parent) {
    var e = document.createElementNS(SVGNS, name);
    for (var a in attributes) e.setAttribute(a, attributes[a]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function fixed(x, digits) { return x === null ? 'n/a' : x.toFixed(digits); }

  // MARK: the recorded regions: base64, one bit per cell, highest bit first
  var decoded = {};
  function region(k, n) {
    var key = k + ':' + n;
    if (!decoded[key]) {
      var text = atob(snapshots[k].regions[n]), bits = [];
      for (var c = 0; c < cells * cells; c++) bits[c] = (text.charCodeAt(c >> 3) >> (7 - (c & 7))) & 1;
      decoded[key] = bits;
    }
    return decoded[key];
  }
  var neuronCount = 0;
  for (var l = 1; l < layers.length; l++) neuronCount += layers[l];

  // MARK: the plane
  var W = 360, H = Math.round(W * (plane.y[1] - plane.y[0]) / (plane.x[1] - plane.x[0]));
  var cw = W / cells, ch = H / cells;
  var planeSVG = $('plane');
  planeSVG.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  el('rect', { x: 0, y: 0, width: W, height: H, 'class': 'region-negative' }, planeSVG);
  var positive = el('path', { id: 'boundary', 'class': 'region-positive' }, planeSVG);
  var neuronRegion = el('path', { id: 'neuron-region', 'class': 'neuron-region', visibility: 'hidden' }, planeSVG);
  function px(x) { return (x - plane.x[0]) / (plane.x[1] - plane.x[0]) * W; }
  function py(y) { return H - (y - plane.y[0]) / (plane.y[1] - plane.y[0]) * H; }
  var dots = el('g', { 'class': 'points' }, planeSVG);
  D.points.forEach(function (p, i) {
    el('circle', { cx: px(p[0]).toFixed(2), cy: py(p[1]).toFixed(2), r: 3.5,
      'class': D.labels[i] > 0 ? 'point-positive' : 'point-negative' }, dots);
  });
  // Cell i of row j (rows from the bottom) covers x i*cw.., y H-(j+1)*ch..
  function regionPath(bits) {
    var d = [];
    for (var j = 0; j < cells; j++) {
      var top = (H - (j + 1) * ch).toFixed(2), i = 0;
      while (i < cells) {
        if (!bits[i + j * cells]) { i++; continue; }
        var start = i;
        while (i < cells && bits[i + j * cells]) i++;
        d.push('M' + (start * cw).toFixed(2) + ' ' + top + 'h' + ((i - start) * cw).toFixed(2) +
          'v' + ch.toFixed(2) + 'h' + (-(i - start) * cw).toFixed(2) + 'z');
      }
    }
    return d.join('') || 'M0 0';
  }

  // MARK: the curves
  var curves = $('curves'), CW = 360, CH = 240, left = 44, right = 10, gap = 34, top = 16, plotH = 78;
  curves.setAttribute('viewBox', '0 0 ' + CW + ' ' + CH);
  var lastStep = snapshots[snapshots.length - 1].step || 1;
  // The loss on a log scale (it falls by orders of magnitude), from the
  // power of ten below its least to the one above its greatest.
  var least = Infinity, most = 0;
  snapshots.forEach(function (s) {
    if (s.loss !== null && s.loss > 0) { least = Math.min(least, s.loss); most = Math.max(most, s.loss); }
  });
  var lowPower = isFinite(least) ? Math.floor(Math.log10(least)) : -1;
  var highPower = most > 0 ? Math.max(Math.ceil(Math.log10(most)), lowPower + 1) : 0;
  function cx(step) { return left + step / lastStep * (CW - left - right); }
  function powerText(k) { return k >= 0 ? String(Math.pow(10, k)) : '0.' + '0'.repeat(-k - 1) + '1'; }
  var charts = [
    { name: 'loss (log scale)', key: 'loss', top: top,
      value: function (s) { return s.loss !== null && s.loss > 0 ? Math.log10(s.loss) : null; },
      low: lowPower, high: highPower, ticks: [], text: powerText },
    { name: 'accuracy', key: 'accuracy', top: top + plotH + gap,
      value: function (s) { return s.accuracy === null ? null : s.accuracy * 100; },
      low: 0, high: 100, ticks: [0, 50, 100], text: function (v) { return v + '%'; } }
  ];
  for (var power = lowPower; power <= highPower; power++) charts[0].ticks.push(power);
  charts.forEach(function (c) {
    function cy(v) { return c.top + plotH - (v - c.low) / (c.high - c.low) * plotH; }
    c.cy = cy;
    el('rect', { x: left, y: c.top, width: CW - left - right, height: plotH, 'class': 'frame' }, curves);
    var title = el('text', { x: left, y: c.top - 4, 'class': 'chart-title' }, curves);
    title.textContent = c.name;
    c.ticks.forEach(function (v) {
      var t = el('text', { x: left - 4, y: cy(v) + 4, 'class': 'tick', 'text-anchor': 'end' }, curves);
      t.textContent = c.text(v);
    });
    var points = snapshots.filter(function (s) { return c.value(s) !== null; })
      .map(function (s) { return cx(s.step).toFixed(2) + ',' + cy(c.value(s)).toFixed(2); });
    el('polyline', { points: points.join(' '), 'class': 'curve curve-' + c.key }, curves);
    c.dot = el('circle', { r: 3.5, 'class': 'cursor-dot' }, curves);
  });
  [0, lastStep].forEach(function (step, k) {
    var t = el('text', { x: cx(step), y: CH - 6, 'class': 'tick', 'text-anchor': k ? 'end' : 'start' }, curves);
    t.textContent = 'step ' + step;
  });
  var cursor = el('line', { y1: top, y2: top + 2 * plotH + gap, 'class': 'cursor' }, curves);

  // MARK: the network: folded neurons, weights as edges
  var network = $('network'), NW = 560, NH = 340, margin = 40;
  network.setAttribute('viewBox', '0 0 ' + NW + ' ' + NH);
  var columns = layers.map(function (n, l) { return margin + l * (NW - 2 * margin) / (layers.length - 1); });
  function rowY(n, i) { var band = (NH - 30) / n; return 10 + (i + 0.5) * band; }
  var edgeGroup = el('g', { 'class': 'edges' }, network), edges = [], neurons = [];
  var maxWeight = 0;
  snapshots.forEach(function (s) { s.parameters.forEach(function (p) { if (Math.abs(p) > maxWeight) maxWeight = Math.abs(p); }); });
  maxWeight = maxWeight || 1;
  var p = 0;
  for (l = 1; l < layers.length; l++) {
    for (var j = 0; j < layers[l]; j++) {
      for (var i = 0; i < layers[l - 1]; i++) {
        edges.push({ parameter: p++, line: el('line', { x1: columns[l - 1], y1: rowY(layers[l - 1], i).toFixed(2),
          x2: columns[l], y2: rowY(layers[l], j).toFixed(2) }, edgeGroup) });
      }
      p++;  // the bias
    }
  }
  var nodeGroup = el('g', { 'class': 'nodes' }, network);
  for (i = 0; i < layers[0]; i++) {
    el('circle', { cx: columns[0], cy: rowY(layers[0], i), r: 7, 'class': 'input' }, nodeGroup);
    var t = el('text', { x: columns[0] - 12, y: rowY(layers[0], i) + 4, 'class': 'tick', 'text-anchor': 'end' }, nodeGroup);
    t.textContent = 'x[' + i + ']';
  }
  var pinned = null, shown = null, n = 0;
  for (l = 1; l < layers.length; l++) {
    for (j = 0; j < layers[l]; j++) {
      var last = l === layers.length - 1;
      var name = last && layers[l] === 1 ? 'the output neuron' : 'layer ' + l + ', neuron ' + (j + 1);
      var g = el('g', { 'class': 'neuron', tabindex: 0, role: 'button', 'data-neuron': n,
        'aria-label': name + ' (' + D.activations[l - 1] + '): show where its output is positive' }, nodeGroup);
      el('circle', { cx: columns[l], cy: rowY(layers[l], j).toFixed(2), r: layers[l] > 12 ? 7 : 9 }, g);
      neurons.push({ g: g, name: name });
      (function (index) {
        g.addEventListener('mouseenter', function () { showNeuron(index); });
        g.addEventListener('focus', function () { showNeuron(index); });
        g.addEventListener('mouseleave', function () { showNeuron(pinned); });
        g.addEventListener('blur', function () { showNeuron(pinned); });
        g.addEventListener('click', function () { pinned = pinned === index ? null : index; showNeuron(pinned === null ? index : pinned); });
        g.addEventListener('keydown', function (e) {
          if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pinned = pinned === index ? null : index; showNeuron(index); }
        });
      })(n);
      n++;
    }
  }

  // MARK: a step
  var step = 0;
  function caption() {
    var text;
    if (shown === null) {
      text = 'The class the network gives each part of the plane at step ' + snapshots[step].step +
        ': blue +1, red −1 (the last neuron\'s output above or below 0); the dots are the training points.';
    } else {
      var bits = region(step, shown), on = 0;
      for (var c = 0; c < bits.length; c++) on += bits[c];
      text = neurons[shown].name + ': shaded where its output is positive, ' + Math.round(100 * on / bits.length) +
        '% of the plane' + (on === 0 ? ' (a dead neuron: zero everywhere here)' : '') + '.';
    }
    $('plane-caption').textContent = text;
  }
  function showNeuron(index) {
    shown = index;
    neurons.forEach(function (x, m) { x.g.classList.toggle('shown', m === index); });
    if (index === null) neuronRegion.setAttribute('visibility', 'hidden');
    else {
      neuronRegion.setAttribute('d', regionPath(region(step, index)));
      neuronRegion.setAttribute('visibility', 'visible');
    }
    caption();
  }
  function show(k) {
    step = k;
    var s = snapshots[k];
    positive.setAttribute('d', regionPath(region(k, neuronCount - 1)));
    charts.forEach(function (c) {
      var v = c.value(s);
      c.dot.setAttribute('cx', cx(s.step).toFixed(2));
      c.dot.setAttribute('visibility', v === null ? 'hidden' : 'visible');
      c.dot.setAttribute('cy', c.cy(v === null ? c.low : v).toFixed(2));
    });
    cursor.setAttribute('x1', cx(s.step).toFixed(2));
    cursor.setAttribute('x2', cx(s.step).toFixed(2));
    edges.forEach(function (e) {
      var w = s.parameters[e.parameter];
      e.line.setAttribute('class', w >= 0 ? 'weight-positive' : 'weight-negative');
      e.line.setAttribute('stroke-width', (0.3 + 3.7 * Math.abs(w) / maxWeight).toFixed(2));
    });
    for (var m = 0; m < neurons.length; m++) {
      var bits = region(k, m), any = 0;
      for (var c = 0; c < bits.length && !any; c++) any = bits[c];
      neurons[m].g.classList.toggle('dead', !any);
    }
    showNeuron(shown);
  }
  function describe(k) {
    var s = snapshots[k];
    return 'step ' + s.step + ' of ' + lastStep + ' · loss ' + fixed(s.loss, 4) + ' · accuracy ' +
      (s.accuracy === null ? 'n/a' : Math.round(s.accuracy * 100) + '%');
  }
  // #step=N is training step N (or the recorded step before it).
  var stepper = window.Micrograd.Stepper({
    count: snapshots.length - 1, first: 0,
    show: function (k) {
      var text = describe(k);
      $('step').textContent = text;
      $('slider').setAttribute('aria-valuetext', text);
      show(k);
    },
    toAddress: function (k) { return snapshots[k].step; },
    fromAddress: function (target) {
      var k = 0;
      while (k + 1 < snapshots.length && snapshots[k + 1].step <= target) k++;
      return k;
    }
  });
  document.addEventListener('keydown', function (e) {
    var t = e.target.tagName;
    if (e.altKey || e.ctrlKey || e.metaKey || t === 'INPUT' || t === 'SELECT') return;
    if (stepper.key(e)) e.preventDefault();
  });
  stepper.start();
  document.documentElement.setAttribute('data-ready', '');
})();
