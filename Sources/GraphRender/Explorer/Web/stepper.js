// Steps a reader can control and share: first, before, play/pause, next,
// last; a speed; skipping the steps that do nothing; the keyboard (← → Home
// End P); and the address, which holds `#step=N` so that a link opens at
// step N. Step `null` is "the figure as drawn", with no step in the address.
//
//   var st = Micrograd.Stepper({ count: 7, show: function (k) {...},
//     empty: function (k) { return false; } });
//   st.go(3); st.step(1); st.play(); st.current()
//
// Buttons are found by id: first, prev, play, next, last, figure; the speed
// is the <select id="speed"> (milliseconds a step), skipping <input id="skip">.
// The figure button, skipping and a slider over the steps (<input type="range"
// id="slider">) are optional. Options for a page whose steps are not the
// address's numbers (Figures' training page, whose #step=N is a training
// step): toAddress(k) gives the N for step k, fromAddress(N) the step for N;
// `first` is the step shown when the address names none (null, the figure as
// drawn, by default). setCount(n) changes the number of steps (the sampling
// page's names drawn again).
(function () {
  'use strict';
  var M = window.Micrograd = window.Micrograd || {};

  M.Stepper = function (options) {
    function $(id) { return document.getElementById(id); }
    var count = options.count, show = options.show;
    var empty = options.empty || function () { return false; };
    var current = null, timer = null, playButton = $('play'), speed = $('speed'), skip = $('skip');
    var slider = $('slider'), figure = $('figure');
    var first = options.first === undefined ? null : options.first;
    var toNumber = options.toAddress || function (k) { return k; };
    var fromNumber = options.fromAddress || function (n) { return n; };

    // The address: #step=N, read at load and on hashchange, written on each step.
    function fromAddress() {
      // A page without steps has no step to open (#step=N shows the figure).
      var m = count > 0 ? /^#step=(\d+)$/.exec(location.hash) : null;
      return m ? Math.min(fromNumber(+m[1]), count) : first;
    }
    // At most one address change every 250 ms (the last one wins): the
    // browser ignores a page that changes its address too often.
    var addressTimer = null, lastAddress = 0;
    function writeAddress() {
      addressTimer = null;
      lastAddress = Date.now();
      var hash = current === null ? '' : '#step=' + toNumber(current);
      if (location.hash === hash || (!hash && !location.hash)) return;
      history.replaceState(null, '', hash || location.pathname + location.search);
    }
    function toAddress() {
      if (addressTimer !== null) return;
      var wait = lastAddress + 250 - Date.now();
      if (wait <= 0) writeAddress();
      else addressTimer = setTimeout(writeAddress, wait);
    }

    function go(k) {
      current = k === null ? null : Math.max(0, Math.min(count, k));
      toAddress();
      if (slider) slider.value = String(current === null ? count : current);
      show(current);
    }
    // The next step in direction d (±1), over empty ones when skipping.
    function target(d) {
      if (current === null) return d > 0 ? 0 : count;
      var k = current + d;
      if (skip && skip.checked) while (k > 0 && k < count && empty(k)) k += d;
      return k;
    }
    function step(d) { go(target(d)); }
    function delay() { return +(speed ? speed.value : 800); }
    function showPaused() {
      playButton.textContent = 'play';
      playButton.setAttribute('aria-label', 'play');
    }
    function pause() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      showPaused();
    }
    function tick() {
      timer = null;
      step(1);
      if (current < count) timer = setTimeout(tick, delay());
      else showPaused();
    }
    function play() {
      if (timer !== null) { pause(); return; }
      if (current === null || current >= count) go(0);
      playButton.textContent = 'pause';
      playButton.setAttribute('aria-label', 'pause');
      timer = setTimeout(tick, delay());
    }
    // Stepping by hand pauses play.
    function byHand(f) { return function () { pause(); f(); }; }

    $('first').onclick = byHand(function () { go(0); });
    $('prev').onclick = byHand(function () { step(-1); });
    $('next').onclick = byHand(function () { step(1); });
    $('last').onclick = byHand(function () { go(count); });
    if (figure) figure.onclick = byHand(function () { go(null); });
    playButton.onclick = play;
    if (slider) {
      slider.max = String(count);
      slider.oninput = byHand(function () { go(+slider.value); });
    }
    window.addEventListener('hashchange', function () {
      var k = fromAddress();
      if (k !== current) { pause(); go(k); }
    });

    return {
      go: go, step: step, play: play, pause: pause,
      current: function () { return current; },
      playing: function () { return timer !== null; },
      start: function () { go(fromAddress()); },
      setCount: function (n) {
        pause();
        count = n;
        if (slider) slider.max = String(n);
        go(current === null ? null : Math.min(current, n));
      },
      // ← → Home End P. True when handled.
      key: function (e) {
        var k = e.key;
        if (k === 'ArrowRight') byHand(function () { step(1); })();
        else if (k === 'ArrowLeft') byHand(function () { step(-1); })();
        else if (k === 'Home') byHand(function () { go(0); })();
        else if (k === 'End') byHand(function () { go(count); })();
        else if (k === 'p' || k === 'P') play();
        else return false;
        return true;
      }
    };
  };
})();
