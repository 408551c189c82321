// SPDX-License-Identifier: EUPL-1.2
// Comfort only: "Lees voor" reads a question, the plan or a card aloud with the device's own
// voices. Only a voice on the device (localService) is used: an online voice would send the
// family's advice to a third party. A device with voices but none of its own for the page's
// language is told so once, and gets no button; a device without any voice, or a browser
// without JavaScript, shows nothing of this.
(function () {
  "use strict";
  var script = document.currentScript;
  var synth = window.speechSynthesis;
  if (!script || !synth || !window.SpeechSynthesisUtterance) { return; }
  var words = script.dataset;
  var PARTS = "h1, h2, h3, h4, p, li, label, dt, dd";
  var reading = null; // {target, parts, index, controls}
  var ready = false;

  function language(element) {
    var marked = element.closest("[lang]");
    return (marked ? marked.lang : document.documentElement.lang).toLowerCase().split("-")[0];
  }

  function localVoice(lang) {
    return synth.getVoices().filter(function (voice) {
      return voice.localService === true &&
        voice.lang.toLowerCase().split(/[-_]/)[0] === lang;
    })[0] || null;
  }

  // What the visitor sees of a target, in reading order: the outermost parts, each once.
  function partsOf(target) {
    return Array.prototype.filter.call(target.querySelectorAll(PARTS), function (part) {
      var above = part.parentElement.closest(PARTS);
      return !(above && target.contains(above)) && !part.closest(".voorlezen") &&
        part.getClientRects().length > 0 && part.innerText.trim() !== "";
    });
  }

  // A part's words in the page's language: the Dutch shown beside them (guide/bilingual.py) is
  // there to read along with, not to be read aloud in the voice of another language.
  function wordsOf(part) {
    if (!part.querySelector(".both__nl")) { return part.innerText.trim(); }
    var own = part.cloneNode(true);
    own.querySelectorAll(".both__nl").forEach(function (dutch) { dutch.remove(); });
    return own.textContent.replace(/\s+/g, " ").trim();
  }

  function button(text, onClick) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = "button button--secondary voorlezen__button";
    made.textContent = text;
    made.addEventListener("click", onClick);
    return made;
  }

  function mark(part) {
    document.querySelectorAll(".voorlezen-nu").forEach(function (read) {
      read.classList.remove("voorlezen-nu");
    });
    if (part) { part.classList.add("voorlezen-nu"); }
  }

  function stop() {
    var was = reading;
    reading = null;
    synth.cancel();
    mark(null);
    if (was) { reset(was.controls); }
  }

  function reset(controls) {
    label(controls.play, words.read);
    controls.stop.hidden = true;
  }

  // The visible words first, then what is read: the name a screen reader gives the button.
  function label(play, text) {
    play.textContent = text;
    if (play.dataset.name) { play.setAttribute("aria-label", text + ": " + play.dataset.name); }
  }

  function next(run) {
    if (reading !== run) { return; }
    var part = run.parts[run.index];
    if (!part) { stop(); return; }
    run.index += 1;
    var voice = localVoice(language(part));
    if (!voice) { next(run); return; } // a part in a language the device cannot speak
    var utterance = new window.SpeechSynthesisUtterance(wordsOf(part));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = function () { next(run); };
    utterance.onerror = function () { next(run); };
    mark(part);
    synth.speak(utterance);
  }

  function toggle(target, controls) {
    if (reading && reading.target === target) {
      if (synth.paused) {
        synth.resume();
        label(controls.play, words.pause);
      } else {
        synth.pause();
        label(controls.play, words.resume);
      }
      return;
    }
    stop();
    reading = {target: target, parts: partsOf(target), index: 0, controls: controls};
    label(controls.play, words.pause);
    controls.stop.hidden = false;
    next(reading);
  }

  function offer(target) {
    var box = document.createElement("div");
    box.className = "voorlezen";
    var controls = {};
    controls.play = button(words.read, function () { toggle(target, controls); });
    controls.stop = button(words.stop, stop);
    controls.stop.hidden = true;
    var name = target.querySelector("h1, h2, h3");
    if (name) { controls.play.dataset.name = wordsOf(name); }
    label(controls.play, words.read);
    box.appendChild(controls.play);
    box.appendChild(controls.stop);
    // Under the name: in a folded card inside its fold, so it shows when the card is opened.
    var anchor = target.querySelector("summary, legend, h1, h2, h3");
    if (anchor) { anchor.after(box); } else { target.prepend(box); }
  }

  // Once the device has listed its voices; a device that lists none gets nothing.
  function setUp() {
    if (ready || synth.getVoices().length === 0) { return; }
    ready = true;
    var targets = document.querySelectorAll("[data-voorlezen]");
    if (targets.length === 0) { return; }
    if (!localVoice(language(document.documentElement))) {
      var note = document.createElement("p");
      note.className = "voorlezen voorlezen--none";
      note.textContent = words.none;
      targets[0].prepend(note);
      return;
    }
    targets.forEach(offer);
  }

  synth.addEventListener("voiceschanged", setUp);
  setUp(); // it runs on a page already shown (static/page.js); some browsers list voices at once
  window.addEventListener("pagehide", stop);
}());
