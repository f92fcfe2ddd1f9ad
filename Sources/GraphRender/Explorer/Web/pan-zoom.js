// Pan and zoom of an SVG by its viewBox: the wheel (in pixels, lines or
// pages), dragging, a two-finger pinch, and calls from buttons and keys.
// Zoom stays between half the fitted size and a few times the drawn size.
// `reveal` brings an element into view with its text readable; a minimap
// shows where the view is when the fitted graph's text is too small to read.
//
//   var pz = Micrograd.PanZoom(viewElement, svgElement, { onChange: f });
//   pz.zoom(1.25); pz.pan(dx, dy); pz.fit(); pz.reveal(g); pz.dragged()
(function () {
  'use strict';
  var M = window.Micrograd = window.Micrograd || {};

  // The smallest text height on screen that `reveal` accepts, in CSS pixels.
  var READABLE = 10;

  M.PanZoom = function (view, svg, options) {
    options = options || {};
    var onChange = options.onChange || function () {};
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    var b = svg.viewBox.baseVal, homeText = svg.getAttribute('viewBox');
    var home = [b.x, b.y, b.width, b.height], box = home.slice();

    // Screen pixels per SVG unit, for a box.
    function scaleOf(bx) {
      var r = view.getBoundingClientRect();
      return Math.min(r.width / bx[2], r.height / bx[3]) || 1;
    }
    function limits() {
      var fitted = scaleOf(home);
      return [fitted / 2, Math.max(fitted, 8)];
    }
    function apply() { svg.setAttribute('viewBox', box.join(' ')); updateMinimap(); onChange(); }
    function fit() { box = home.slice(); svg.setAttribute('viewBox', homeText); updateMinimap(); onChange(); }
    function toSVG(x, y) {
      var p = svg.createSVGPoint();
      p.x = x; p.y = y;
      return p.matrixTransform(svg.getScreenCTM().inverse());
    }
    // Zooms by `f` about the screen point (x, y), the view's centre by default.
    function zoom(f, x, y) {
      var s = scaleOf(box), lim = limits();
      f = Math.min(Math.max(s * f, lim[0]), lim[1]) / s;
      if (!isFinite(f) || f <= 0 || Math.abs(f - 1) < 1e-9) return;
      var r = svg.getBoundingClientRect();
      var p = toSVG(x === undefined ? r.left + r.width / 2 : x, y === undefined ? r.top + r.height / 2 : y);
      box = [p.x - (p.x - box[0]) / f, p.y - (p.y - box[1]) / f, box[2] / f, box[3] / f];
      apply();
    }
    function pan(dx, dy) {
      var s = 1 / scaleOf(box);
      box[0] -= dx * s; box[1] -= dy * s;
      apply();
    }
    function centreOn(r) {
      var v = view.getBoundingClientRect();
      pan(v.left + v.width / 2 - (r.left + r.width / 2), v.top + v.height / 2 - (r.top + r.height / 2));
    }
    // The height of g's text on screen, from the drawing's geometry (the
    // rendered box of tiny text is rounded up by the font's hinting).
    function textHeight(g) {
      var text = g.querySelector('text');
      return text ? text.getBBox().height * svg.getScreenCTM().a : READABLE;
    }
    // Brings `g` into view, zoomed so that its text is at least READABLE
    // pixels tall, when it is off screen or smaller; otherwise leaves the view.
    function reveal(g) {
      var r = g.getBoundingClientRect(), v = view.getBoundingClientRect();
      var inside = r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom;
      if (inside && textHeight(g) >= READABLE) return false;
      for (var tries = 0; tries < 3 && textHeight(g) < READABLE; tries++) {
        r = g.getBoundingClientRect();
        zoom((READABLE * 1.25) / textHeight(g), r.left + r.width / 2, r.top + r.height / 2);
      }
      centreOn(g.getBoundingClientRect());
      return true;
    }

    // MARK: the wheel, dragging and pinching
    view.addEventListener('wheel', function (e) {
      e.preventDefault();
      var unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? view.clientHeight : 1;
      var dy = Math.max(-300, Math.min(300, e.deltaY * unit));
      zoom(Math.exp(-dy * 0.002), e.clientX, e.clientY);
    }, { passive: false });
    var pointers = new Map(), moved = false, pinch = null;
    function midpoint() {
      var p = Array.from(pointers.values());
      return { x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2, d: Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) };
    }
    view.addEventListener('pointerdown', function (e) {
      if (e.button !== 0 || (minimap && minimap.contains(e.target))) return;
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.size === 1) moved = false;
      pinch = pointers.size === 2 ? midpoint() : null;
    });
    window.addEventListener('pointermove', function (e) {
      var last = pointers.get(e.pointerId);
      if (!last) return;
      if (pinch) {
        last.x = e.clientX; last.y = e.clientY;
        var now = midpoint();
        if (pinch.d > 0 && now.d > 0) zoom(now.d / pinch.d, now.x, now.y);
        pan(now.x - pinch.x, now.y - pinch.y);
        pinch = now; moved = true;
        return;
      }
      var dx = e.clientX - last.x, dy = e.clientY - last.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!moved) { moved = true; view.classList.add('dragging'); }
      last.x = e.clientX; last.y = e.clientY;
      pan(dx, dy);
    });
    function release(e) {
      if (!pointers.delete(e.pointerId)) return;
      pinch = pointers.size === 2 ? midpoint() : null;
      if (!pointers.size) {
        view.classList.remove('dragging');
        setTimeout(function () { moved = false; }, 0);
      }
    }
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);

    // MARK: the minimap
    var minimap = null, minimapView = null;
    var graph = svg.querySelector('g.graph');
    function fittedTextHeight() {
      var text = svg.querySelector('text');
      return text ? text.getBBox().height * scaleOf(home) : READABLE;
    }
    function buildMinimap() {
      var ns = 'http://www.w3.org/2000/svg';
      minimap = document.createElementNS(ns, 'svg');
      minimap.setAttribute('class', 'minimap');
      minimap.setAttribute('aria-hidden', 'true');
      minimap.setAttribute('viewBox', homeText);
      minimap.setAttribute('preserveAspectRatio', 'xMidYMid meet');
      var use = document.createElementNS(ns, 'use');
      use.setAttribute('href', '#' + graph.id);
      minimapView = document.createElementNS(ns, 'rect');
      minimapView.setAttribute('class', 'minimap-view');
      minimap.appendChild(use);
      minimap.appendChild(minimapView);
      view.appendChild(minimap);
      function jump(e) {
        var p = minimap.createSVGPoint();
        p.x = e.clientX; p.y = e.clientY;
        p = p.matrixTransform(minimap.getScreenCTM().inverse());
        box[0] = p.x - box[2] / 2; box[1] = p.y - box[3] / 2;
        apply();
      }
      minimap.addEventListener('pointerdown', function (e) {
        e.stopPropagation();
        minimap.setPointerCapture(e.pointerId);
        jump(e);
        minimap.onpointermove = jump;
      });
      minimap.addEventListener('pointerup', function () { minimap.onpointermove = null; });
      minimap.addEventListener('click', function (e) { e.stopPropagation(); });
    }
    function updateMinimap() {
      if (!minimapView) return;
      // What the view shows: the box, widened on one side by `meet`.
      var r = view.getBoundingClientRect(), s = scaleOf(box);
      var w = r.width / s, h = r.height / s;
      var x = box[0] - (w - box[2]) / 2, y = box[1] - (h - box[3]) / 2;
      minimapView.setAttribute('x', x); minimapView.setAttribute('y', y);
      minimapView.setAttribute('width', w); minimapView.setAttribute('height', h);
    }
    function checkMinimap() {
      var big = graph && graph.id && fittedTextHeight() < READABLE;
      if (big && !minimap) buildMinimap();
      if (minimap) minimap.style.display = big ? '' : 'none';
      updateMinimap();
    }
    checkMinimap();
    window.addEventListener('resize', checkMinimap);

    return {
      zoom: zoom, pan: pan, fit: fit, reveal: reveal,
      centre: function (g) { centreOn(g.getBoundingClientRect()); },
      scale: function () { return scaleOf(box); },
      dragged: function () { return moved; },
      hasMinimap: function () { return !!minimap && minimap.style.display !== 'none'; },
      // Shift with an arrow key pans; + = − zoom; 0 fits. True when handled.
      key: function (e) {
        var k = e.key, d = 60;
        if (e.shiftKey && k.indexOf('Arrow') === 0) {
          pan(k === 'ArrowLeft' ? d : k === 'ArrowRight' ? -d : 0, k === 'ArrowUp' ? d : k === 'ArrowDown' ? -d : 0);
        } else if (k === '+' || k === '=') zoom(1.25);
        else if (k === '-') zoom(0.8);
        else if (k === '0') fit();
        else return false;
        return true;
      }
    };
  };
})();
