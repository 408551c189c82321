// SPDX-License-Identifier: EUPL-1.2
// Comfort only: "Print deze brief" opens the browser's print window. Without JavaScript the
// button stays hidden and the page says how to print with the browser; either way the print
// stylesheet puts the letter alone on paper.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (!button || typeof window.print !== "function") { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
}());
