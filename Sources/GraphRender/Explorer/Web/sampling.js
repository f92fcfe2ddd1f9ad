// The sampling page (Figures' SamplingPage): names drawn character by
// character, from SamplingTraces the Swift run recorded (sampling-data),
// stepped with the explorer's shared stepper (stepper.js).
// For another seed it draws again with the trace's own numbers and
// PyTorch 1.x's generator, as Makemore's TorchGenerator does: mt19937, a
// float64 uniform from two draws, multinomial by a float32 running sum.
(function () {
  'use strict';
  var traces = JSON.parse(document.getElementById('sampling-data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  function $(id) { return document.getElementById(id); }
  var tokens = traces[0].vocabulary.split('');
  function show(token) { return token; }

  // MARK: PyTorch's CPU generator (Makemore's TorchGenerator)
  // seed: the decimal digits of manual_seed's argument; mt19937 keeps its low 32 bits.
  function low32(digits) {
    var v = 0;
    for (var i = 0; i < digits.length; i++) v = (v * 10 + (digits.charCodeAt(i) - 48)) % 4294967296;
    return v;
  }
  function Generator(seed) {
    var mt = [], index = 624;
    mt[0] = seed;
    for (var i = 1; i < 624; i++) {
      var prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    function twist() {
      for (var i = 0; i < 624; i++) {
        var y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
        mt[i] = (mt[(i + 397) % 624] ^ (y >>> 1) ^ ((y & 1) ? 0x9908b0df : 0)) >>> 0;
      }
      index = 0;
    }
    function next() {
      if (index >= 624) twist();
      var y = mt[index++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      return y >>> 0;
    }
    // ((hi << 32 | lo) & (2^53 - 1)) * 2^-53, hi the first draw
    this.uniformDouble = function () {
      var hi = next(), lo = next();
      return ((hi & 0x1fffff) * 4294967296 + lo) / 9007199254740992;
    };
  }
  // multinomial(weights, 1): the float32 running sum, normalised, the last 1.
  function multinomialDraw(weights, generator) {
    var f = Math.fround, total = 0, cumulative = [];
    for (var i = 0; i < weights.length; i++) { total = f(total + weights[i]); cumulative.push(total); }
    for (i = 0; i < cumulative.length; i++) cumulative[i] = f(cumulative[i] / total);
    cumulative[cumulative.length - 1] = 1;
    var u = generator.uniformDouble(), left = 0, right = cumulative.length;
    while (right - left > 0) {
      var middle = left + ((right - left) >> 1);
      if (cumulative[middle] < u) left = middle + 1; else right = middle;
    }
    return { index: left, uniform: u };
  }

  // MARK: the models' weights for a context (the trace's numbers)
  function weightsOf(trace) {
    var r = trace.replay;
    if (trace.model === 'bigram') return function (context) { return r.P[context[0]]; };
    var E = r.embeddingSize, Hn = r.hiddenSize, B = trace.blockSize, n = tokens.length, I = B * E;
    return function (context) {
      var emb = [], h = [], logits = [], j, k, total;
      context.forEach(function (ix) { for (var e = 0; e < E; e++) emb.push(r.C[ix * E + e]); });
      for (j = 0; j < Hn; j++) {
        total = 0;
        for (var i = 0; i < I; i++) total += r.W1[j * I + i] * emb[i];
        h.push(Math.tanh(total + r.b1[j]));
      }
      for (k = 0; k < n; k++) {
        total = 0;
        for (j = 0; j < Hn; j++) total += r.W2[k * Hn + j] * h[j];
        logits.push(total + r.b2[k]);
      }
      var m = Math.max.apply(null, logits);
      return logits.map(function (l) { return Math.fround(Math.exp(l - m)); });
    };
  }
  // The trace's words drawn again from `seed`: the same shape as the recorded ones.
  function replay(trace, seed, count) {
    var generator = new Generator(low32(seed)), weights = weightsOf(trace), words = [];
    for (var w = 0; w < count; w++) {
      var context = [], draws = [];
      for (var b = 0; b < trace.blockSize; b++) context.push(0);
      for (var length = 0; length < 100; length++) {
        var p = weights(context), sum = 0;
        p.forEach(function (x) { sum += x; });
        var draw = multinomialDraw(p, generator);
        draws.push({ context: context.slice(), probabilities: p.map(function (x) { return x / sum; }),
          uniform: draw.uniform, index: draw.index });
        if (draw.index === 0) break;
        context = context.slice(1).concat([draw.index]);
      }
      words.push(draws);
    }
    return words;
  }

  // MARK: the page
  var model = $('model'), seedField = $('seed'), note = $('seed-note');
  var trace = traces[0], words = trace.words, flat = [];
  function flatten() {
    flat = [];
    words.forEach(function (word, w) { word.forEach(function (draw, c) { flat.push({ word: w, position: c, draw: draw }); }); });
  }
  function nameOf(word) { return word.map(function (d) { return tokens[d.index]; }).join(''); }

  var names = $('names'), letters = [];
  function buildNames() {
    names.textContent = '';
    letters = [];
    var start = 0;
    words.forEach(function (word) {
      var li = document.createElement('li'), button = document.createElement('button');
      button.type = 'button';
      button.className = 'name';
      button.setAttribute('aria-label', 'step to the name ' + nameOf(word));
      var first = start;
      button.addEventListener('click', function () { stepper.pause(); stepper.go(first); });
      word.forEach(function (d) {
        var span = document.createElement('span');
        span.textContent = show(tokens[d.index]);
        button.appendChild(span);
        letters.push(span);
      });
      start += word.length;
      li.appendChild(button);
      names.appendChild(li);
    });
  }

  var tbody = $('probabilities').querySelector('tbody'), rows = [];
  tokens.forEach(function (token, i) {
    var tr = document.createElement('tr'), th = document.createElement('th'), td = document.createElement('td');
    var barCell = document.createElement('td'), bar = document.createElement('span');
    th.scope = 'row';
    th.textContent = token;
    td.className = 'number';
    bar.className = 'bar';
    barCell.appendChild(bar);
    tr.setAttribute('data-token', String(i));
    tr.appendChild(th); tr.appendChild(td); tr.appendChild(barCell);
    tbody.appendChild(tr);
    rows.push({ tr: tr, number: td, bar: bar });
  });

  var strip = $('strip'), SW = 380, SH = 58;
  strip.setAttribute('viewBox', '0 0 ' + SW + ' ' + SH);
  function svg(name, attributes, parent) {
    var e = document.createElementNS(SVGNS, name);
    for (var a in attributes) e.setAttribute(a, attributes[a]);
    parent.appendChild(e);
    return e;
  }

  function showStep(k) {
    var item = flat[k], d = item.draw, word = words[item.word];
    letters.forEach(function (span, m) {
      span.className = m < k ? 'done' : m === k ? 'current' : 'later';
    });
    // The context window, then the character drawn.
    var context = $('context');
    context.textContent = '';
    var label = document.createElement('span');
    label.className = 'context-label';
    label.textContent = trace.blockSize === 1 ? 'after' : 'context';
    context.appendChild(label);
    d.context.forEach(function (ix) {
      var box = document.createElement('span');
      box.className = 'token';
      box.textContent = tokens[ix];
      context.appendChild(box);
    });
    var arrow = document.createElement('span');
    arrow.className = 'arrow';
    arrow.textContent = '→';
    context.appendChild(arrow);
    var drawn = document.createElement('span');
    drawn.className = 'token drawn';
    drawn.textContent = tokens[d.index];
    context.appendChild(drawn);
    // The probabilities.
    var most = Math.max.apply(null, d.probabilities);
    rows.forEach(function (row, i) {
      var p = d.probabilities[i];
      row.number.textContent = p.toFixed(4);
      row.bar.style.width = (100 * p / most).toFixed(1) + '%';
      row.tr.classList.toggle('drawn', i === d.index);
      if (i === d.index) row.tr.setAttribute('aria-current', 'true'); else row.tr.removeAttribute('aria-current');
    });
    // Why this character: where the uniform fell in the running sum.
    strip.textContent = '';
    var sum = 0, below = 0, upTo = 0;
    d.probabilities.forEach(function (p, i) {
      var x = 10 + sum * (SW - 20), w = p * (SW - 20);
      svg('rect', { x: x.toFixed(2), y: 14, width: Math.max(w, 0).toFixed(2), height: 22,
        'class': i === d.index ? 'segment drawn' : i % 2 ? 'segment odd' : 'segment' }, strip);
      if (w > 9) {
        var t = svg('text', { x: (x + w / 2).toFixed(2), y: 30, 'class': 'segment-label', 'text-anchor': 'middle' }, strip);
        t.textContent = tokens[i];
      }
      if (i === d.index) { below = sum; upTo = sum + p; }
      sum += p;
    });
    var ux = 10 + d.uniform * (SW - 20);
    svg('line', { x1: ux.toFixed(2), x2: ux.toFixed(2), y1: 6, y2: 44, 'class': 'uniform' }, strip);
    var ut = svg('text', { x: ux.toFixed(2), y: 56, 'class': 'segment-label', 'text-anchor': 'middle' }, strip);
    ut.textContent = 'u = ' + d.uniform.toFixed(4);
    $('why').textContent = 'multinomial drew u = ' + d.uniform.toFixed(6) + ', which falls between ' +
      below.toFixed(4) + ' and ' + upTo.toFixed(4) + ', the running sum of the probabilities before and after "' +
      tokens[d.index] + '" (p = ' + d.probabilities[d.index].toFixed(4) + '): so "' + tokens[d.index] + '" comes ' +
      (item.position === 0 ? 'first' : 'after "' + nameOf(word.slice(0, item.position)) + '"') + '.';
  }
  function describe(k) {
    var item = flat[k];
    return 'draw ' + (k + 1) + ' of ' + flat.length + ': name ' + (item.word + 1) + ', character ' +
      (item.position + 1) + ', "' + tokens[item.draw.index] + '"';
  }

  flatten();
  buildNames();
  var stepper = window.Micrograd.Stepper({
    count: flat.length - 1, first: 0,
    show: function (k) {
      var text = describe(k);
      $('step').textContent = text;
      $('slider').setAttribute('aria-valuetext', text);
      showStep(k);
    }
  });
  document.addEventListener('keydown', function (e) {
    var t = e.target.tagName;
    if (e.altKey || e.ctrlKey || e.metaKey || t === 'INPUT' || t === 'SELECT') return;
    if (stepper.key(e)) e.preventDefault();
  });
  function recorded() {
    words = trace.words;
    note.textContent = 'as recorded by the Swift run (seed ' + trace.seed + ')';
    flatten();
    buildNames();
    stepper.setCount(flat.length - 1);
    stepper.go(0);
  }
  function drawFrom(seed) {
    words = replay(trace, seed, trace.words.length);
    note.textContent = 'drawn again in the page from seed ' + seed;
    flatten();
    buildNames();
    stepper.setCount(flat.length - 1);
    stepper.go(0);
  }
  model.addEventListener('change', function () {
    trace = traces[+model.value];
    seedField.value = String(trace.seed);
    recorded();
  });
  $('choose').addEventListener('submit', function (e) {
    e.preventDefault();
    var seed = seedField.value.trim();
    if (!/^[0-9]{1,20}$/.test(seed)) { note.textContent = 'a seed is a whole number, 0 or more'; return; }
    drawFrom(seed.replace(/^0+(?=.)/, ''));
  });
  note.textContent = 'as recorded by the Swift run (seed ' + trace.seed + ')';
  stepper.start();
  document.documentElement.setAttribute('data-ready', '');
})();
