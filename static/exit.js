// SPDX-License-Identifier: EUPL-1.2
// Comfort only: the "Snel weg" link, and pressing Shift three times in a row, leave the guide
// with location.replace, so that the page left is not one Back away. Without JavaScript the
// plain link still leaves.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  function leave() { window.location.replace(link.href); }
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
}());
