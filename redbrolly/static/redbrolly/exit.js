// "Exit this page": leave at once for a neutral site and take this page out of the
// history, by the button or by pressing Shift three times (SECURITY.md, "Safety UX").
(function () {
  "use strict";
  function leave(url) {
    document.title = "";
    document.body.hidden = true;
    window.location.replace(url);
  }
  function exitUrl() {
    var link = document.querySelector("[data-exit]");
    return link ? link.getAttribute("href") : "about:blank";
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-exit]");
    if (link) {
      event.preventDefault();
      leave(link.getAttribute("href"));
    }
  });
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = []; return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) { leave(exitUrl()); }
  });
})();
