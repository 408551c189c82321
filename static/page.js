// SPDX-License-Identifier: EUPL-1.2
// What every page does with JavaScript, all comfort only: the guide works without it.
(function () {
  "use strict";

  // The "Snel weg" link, and pressing Shift three times in a row, leave the guide with
  // location.replace, so that the page left is not one Back away. Without JavaScript the
  // plain link still leaves.
  var link = document.querySelector("[data-quick-exit]");
  if (link) {
    var leave = function () { window.location.replace(link.href); };
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      event.preventDefault();
      leave();
    });
    var presses = 0;
    var timer = null;
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") { presses = 0; return; }
      presses += 1;
      clearTimeout(timer);
      timer = setTimeout(function () { presses = 0; }, 1000);
      if (presses === 3) { leave(); }
    });
  }

  // A step of the plan opens its folded card as well as going to it. Without JavaScript the
  // link goes to the card's name, and a tap on the name opens it.
  document.addEventListener("click", function (event) {
    var step = event.target.closest && event.target.closest('.plan a[href^="#"]');
    var target = step && document.getElementById(step.hash.slice(1));
    var card = target && target.closest("details.card__fold");
    if (card) { card.open = true; }
  });

  // "Lees voor" (read-aloud.js) is fetched only on a page that offers it, in a browser that can
  // speak, once the page has shown: it is no part of the page's first bytes. Its words wait on
  // the page (macros/read_aloud.html) and go with the script.
  var offer = document.getElementById("voorlezen");
  if (offer && window.speechSynthesis) {
    var script = document.createElement("script");
    Object.assign(script.dataset, offer.dataset);
    script.src = offer.dataset.script;
    document.body.appendChild(script);
  }
}());
