// SPDX-License-Identifier: EUPL-1.2
// Comfort only: a step of the plan opens its folded card as well as going to it. Without
// JavaScript the link goes to the card's name, and a tap on the name opens it.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('.plan a[href^="#"]');
    var target = link && document.getElementById(link.hash.slice(1));
    var card = target && target.closest("details.card__fold");
    if (card) { card.open = true; }
  });
}());
