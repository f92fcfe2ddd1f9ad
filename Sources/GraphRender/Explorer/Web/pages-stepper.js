// The stepping controls of a page (PageShell.stepper's markup): |◀ ◀ play ▶ ▶|,
// the speed, a slider over the steps, the keys (← → Home End P), and the
// address: #step=N opens at step N, and stepping writes it back, so that a
// teacher can link to a step. Stepping by hand pauses play.
//
//   var stepper = makeStepper({
//     count: 50,                        // steps 0 ..< count
//     show: function (k) { ... },       // draw step k
//     describe: function (k) { ... },   // the step's text, read out
//     toAddress: function (k) { ... },  // k as the N of #step=N
//     fromAddress: function (n) { ... } // the step for #step=N
//   });
window.makeStepper = function (options) {
  'use strict';
  function $(id) { return document.getElementById(id); }
  var count = options.count, current = -1, timer = null;
  var slider = $('slider'), play = $('play'), speed = $('speed'), label = $('step');
  var toAddress = options.toAddress || function (k) { return k; };
  var fromAddress = options.fromAddress || function (n) { return n; };
  slider.max = String(Math.max(count - 1, 0));

  function go(k, fromAddressBar) {
    k = Math.max(0, Math.min(count - 1, k));
    if (k === current) return;
    current = k;
    slider.value = String(k);
    slider.setAttribute('aria-valuetext', options.describe(k));
    label.textContent = options.describe(k);
    options.show(k);
    if (!fromAddressBar) {
      var hash = '#step=' + toAddress(k);
      if (location.hash !== hash) history.replaceState(null, '', hash);
    }
  }
  function pause() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    play.textContent = 'play';
    play.setAttribute('aria-label', 'play');
  }
  function start() {
    if (current >= count - 1) go(0);
    play.textContent = 'pause';
    play.setAttribute('aria-label', 'pause');
    timer = setInterval(function () {
      if (current >= count - 1) pause(); else go(current + 1);
    }, +speed.value);
  }
  function byHand(k) { pause(); go(k); }
  function fromHash() {
    var m = /^#step=(\d+)$/.exec(location.hash);
    return m ? fromAddress(+m[1]) : null;
  }

  $('first').addEventListener('click', function () { byHand(0); });
  $('prev').addEventListener('click', function () { byHand(current - 1); });
  $('next').addEventListener('click', function () { byHand(current + 1); });
  $('last').addEventListener('click', function () { byHand(count - 1); });
  play.addEventListener('click', function () { if (timer === null) start(); else pause(); });
  speed.addEventListener('change', function () { if (timer !== null) { pause(); start(); } });
  slider.addEventListener('input', function () { byHand(+slider.value); });
  window.addEventListener('hashchange', function () { var k = fromHash(); if (k !== null) { pause(); go(k, true); } });
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    var keys = { ArrowRight: 1, ArrowLeft: -1 };
    if (e.key in keys) byHand(current + keys[e.key]);
    else if (e.key === 'Home') byHand(0);
    else if (e.key === 'End') byHand(count - 1);
    else if (e.key === 'p' || e.key === 'P') { if (timer === null) start(); else pause(); } else return;
    e.preventDefault();
  });

  var first = fromHash();
  go(first === null ? 0 : first, first !== null);
  return {
    go: byHand,
    get current() { return current; },
    reset: function (n) { pause(); count = n; slider.max = String(Math.max(n - 1, 0)); current = -1; go(0); }
  };
};
