// Pan and zoom of an SVG: the wheel (in pixels, lines or pages), dragging,
// a two-finger pinch, and calls from buttons and keys. What the view shows
// is a box in the drawing's units, as a viewBox would say it (the svg's
// `data-view-box`), but it is shown by a CSS transform of the svg: a new
// viewBox makes the browser lay every text of the drawing out again (about
// 60 ms a move on mlp-loss), a transform only paints it again.
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

    // The view's box on screen, read once a task: reading it again after a
    // change of viewBox would lay the whole drawing out again.
    var viewBox = null;
    function viewRect() {
      if (!viewBox) {
        viewBox = view.getBoundingClientRect();
        Promise.resolve().then(function () { viewBox = null; });
      }
      return viewBox;
    }
    // Screen pixels per SVG unit, for a box.
    function scaleOf(bx) {
      var r = viewRect();
      return Math.min(r.width / bx[2], r.height / bx[3]) || 1;
    }
    function limits() {
      var fitted = scaleOf(home);
      return [fitted / 2, Math.max(fitted, 8)];
    }
    // Where a box `bx` shown in the view (centred, as `meet` does) puts the
    // drawing's point (0, 0), from the view's top left, and its scale.
    function placement(bx) {
      var r = viewRect(), s = scaleOf(bx);
      return { x: (r.width - bx[2] * s) / 2 - bx[0] * s, y: (r.height - bx[3] * s) / 2 - bx[1] * s, s: s };
    }
    // The transform that shows `box` where the svg, whose viewBox stays the
    // home box, shows home.
    function apply() {
      var p = placement(box), h = placement(home), k = p.s / h.s;
      var tx = p.x - k * h.x, ty = p.y - k * h.y;
      svg.style.transform = box.join(' ') === home.join(' ') ? '' : 'matrix(' + [k, 0, 0, k, tx, ty].join(',') + ')';
      svg.setAttribute('data-view-box', box.join(' '));
      updateMinimap();
      onChange();
    }
    function fit() { box = home.slice(); apply(); }
    svg.style.transformOrigin = '0 0';
    // A transformed drawing overflows the view, and focusing a value would
    // scroll the view to it (where `overflow: clip` is not supported):
    // the transform alone says what is shown.
    view.addEventListener('scroll', function () { view.scrollLeft = 0; view.scrollTop = 0; });
    svg.setAttribute('data-view-box', box.join(' '));
    // The drawing's point under the screen point (x, y).
    function toSVG(x, y) {
      var r = viewRect(), p = placement(box);
      return { x: (x - r.left - p.x) / p.s, y: (y - r.top - p.y) / p.s };
    }
    // Zooms by `f` about the screen point (x, y), the view's centre by default.
    function zoom(f, x, y) {
      var s = scaleOf(box), lim = limits();
      f = Math.min(Math.max(s * f, lim[0]), lim[1]) / s;
      if (!isFinite(f) || f <= 0 || Math.abs(f - 1) < 1e-9) return;
      var r = viewRect();
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
      var v = viewRect();
      pan(v.left + v.width / 2 - (r.left + r.width / 2), v.top + v.height / 2 - (r.top + r.height / 2));
    }
    // Brings `g` into view, zoomed so that its text is at least READABLE
    // pixels tall, when it is off screen or smaller; otherwise leaves the
    // view. Where `g` and its text lie is read once, in the drawing's own
    // units, and the new view is computed from them: reading the screen
    // again after each change of viewBox would lay the whole drawing out
    // again, which on a big graph is most of a step's time.
    function reveal(g) {
      var text = g.querySelector('text');
      var toRoot = svg.getScreenCTM().inverse().multiply(g.getScreenCTM());
      var bb = g.getBBox(), units = Math.hypot(toRoot.b, toRoot.d);
      var a = svg.createSVGPoint(), c = svg.createSVGPoint();
      a.x = bb.x; a.y = bb.y; c.x = bb.x + bb.width; c.y = bb.y + bb.height;
      a = a.matrixTransform(toRoot); c = c.matrixTransform(toRoot);
      var left = Math.min(a.x, c.x), right = Math.max(a.x, c.x), top = Math.min(a.y, c.y), bottom = Math.max(a.y, c.y);
      var textHeight = text ? text.getBBox().height * units : 0;
      // Where the view's box puts those units on screen.
      var v = viewRect(), p = placement(box), s = p.s, x0 = v.left + p.x, y0 = v.top + p.y;
      var inside = x0 + left * s >= v.left && x0 + right * s <= v.right && y0 + top * s >= v.top
        && y0 + bottom * s <= v.bottom;
      var shown = text ? textHeight * s : READABLE;
      if (inside && shown >= READABLE) return false;
      var lim = limits(), s2 = shown < READABLE ? (READABLE * 1.25) / textHeight : s;
      s2 = Math.min(Math.max(s2, lim[0]), lim[1]);
      var w = v.width / s2, h = v.height / s2;
      box = [(left + right) / 2 - w / 2, (top + bottom) / 2 - h / 2, w, h];
      apply();
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
      // A plan of the drawing as it was at load: its boxes, node outlines
      // and edges as three paths, read from the shapes' attributes. A copy
      // of the drawing (a <use>, or an image of it) cost more to build and
      // paint than the page's first step, and its text would be far below
      // a pixel tall anyway.
      var picture = document.createElementNS(ns, 'g');
      if (graph.getAttribute('transform')) picture.setAttribute('transform', graph.getAttribute('transform'));
      [['g.cluster > polygon', 'minimap-clusters'], ['g.edge > path', 'minimap-edges'],
        ['g.node > polygon:first-of-type, g.node > ellipse:first-of-type', 'minimap-nodes']].forEach(function (part) {
        var d = [];
        svg.querySelectorAll(part[0]).forEach(function (shape) {
          if (shape.tagName === 'path') { d.push(shape.getAttribute('d')); return; }
          if (shape.tagName === 'ellipse') {
            var cx = +shape.getAttribute('cx'), cy = +shape.getAttribute('cy');
            var rx = +shape.getAttribute('rx'), ry = +shape.getAttribute('ry');
            d.push('M' + (cx - rx) + ',' + (cy - ry) + 'h' + 2 * rx + 'v' + 2 * ry + 'h' + -2 * rx + 'z');
            return;
          }
          d.push('M' + shape.getAttribute('points').trim().split(/\s+/).join('L') + 'z');
        });
        var path = document.createElementNS(ns, 'path');
        path.setAttribute('class', part[1]);
        path.setAttribute('d', d.join(''));
        picture.appendChild(path);
      });
      minimapView = document.createElementNS(ns, 'rect');
      minimapView.setAttribute('class', 'minimap-view');
      minimap.appendChild(picture);
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
      var r = viewRect(), s = scaleOf(box);
      var w = r.width / s, h = r.height / s;
      var x = box[0] - (w - box[2]) / 2, y = box[1] - (h - box[3]) / 2;
      minimapView.setAttribute('x', x); minimapView.setAttribute('y', y);
      minimapView.setAttribute('width', w); minimapView.setAttribute('height', h);
    }
    function checkMinimap() {
      var big = graph && fittedTextHeight() < READABLE;
      if (big && !minimap) buildMinimap();
      if (minimap) minimap.style.display = big ? '' : 'none';
      updateMinimap();
      view.setAttribute('data-minimap', big ? 'shown' : 'none');
    }
    // After the first frame is painted: deciding reads the laid-out text,
    // and the page should answer its first key press before that.
    requestAnimationFrame(function () { setTimeout(checkMinimap, 0); });
    window.addEventListener('resize', function () { apply(); checkMinimap(); });

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
