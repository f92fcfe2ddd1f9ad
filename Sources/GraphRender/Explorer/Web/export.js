// Saving the current view of an SVG, as the reader sees it (its viewBox,
// its highlights), as an SVG or PNG file. Nothing leaves the page: the
// file is made from a blob, and the PNG drawn on a canvas from that blob.
//
//   Micrograd.Exporter.svg(svgElement, viewElement) → the SVG text
//   Micrograd.Exporter.saveSVG(svgElement, viewElement, 'name')
//   Micrograd.Exporter.savePNG(svgElement, viewElement, 'name')
(function () {
  'use strict';
  var M = window.Micrograd = window.Micrograd || {};

  // The page's rules for the drawing (those that start with `g.`), in light colours.
  function graphRules() {
    var out = [];
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      Array.prototype.forEach.call(sheet.cssRules, function (rule) {
        if (rule.selectorText && /^g\./.test(rule.selectorText)) out.push(rule.cssText);
      });
    });
    return out.join('\n');
  }

  function svgText(svg, view) {
    var copy = svg.cloneNode(true), r = view.getBoundingClientRect();
    copy.querySelectorAll('.minimap').forEach(function (m) { m.remove(); });
    // The page shows its view by a transform (pan-zoom.js); the file says it as a viewBox.
    copy.setAttribute('viewBox', svg.getAttribute('data-view-box') || svg.getAttribute('viewBox'));
    copy.removeAttribute('data-view-box');
    copy.style.transform = '';
    copy.style.transformOrigin = '';
    if (!copy.getAttribute('style')) copy.removeAttribute('style');
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', Math.round(r.width));
    copy.setAttribute('height', Math.round(r.height));
    var style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = graphRules();
    copy.insertBefore(style, copy.firstChild);
    var background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    background.setAttribute('x', '-100%'); background.setAttribute('y', '-100%');
    background.setAttribute('width', '300%'); background.setAttribute('height', '300%');
    background.setAttribute('fill', 'white');
    copy.insertBefore(background, style.nextSibling);
    return new XMLSerializer().serializeToString(copy);
  }

  function save(blob, name) {
    var a = document.createElement('a'), url = URL.createObjectURL(blob);
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  M.Exporter = {
    svg: svgText,
    saveSVG: function (svg, view, name) {
      save(new Blob([svgText(svg, view)], { type: 'image/svg+xml' }), name + '.svg');
    },
    // Twice the view's pixels, for a sharp picture on a slide.
    savePNG: function (svg, view, name, done) {
      var r = view.getBoundingClientRect(), scale = 2, img = new Image();
      var url = URL.createObjectURL(new Blob([svgText(svg, view)], { type: 'image/svg+xml' }));
      img.onload = function () {
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(r.width * scale);
        canvas.height = Math.round(r.height * scale);
        var g = canvas.getContext('2d');
        g.fillStyle = 'white';
        g.fillRect(0, 0, canvas.width, canvas.height);
        g.drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        // No blob for a canvas the browser cannot make (an empty view, or
        // one too large): say so rather than throw in the callback.
        canvas.toBlob(function (png) {
          if (!png) { if (done) done(new Error('the view could not be drawn as a PNG')); return; }
          save(png, name + '.png');
          if (done) done();
        }, 'image/png');
      };
      img.onerror = function () { URL.revokeObjectURL(url); if (done) done(new Error('the SVG did not load')); };
      img.src = url;
    }
  };
})();
