// Progressive enhancement: warn some minutes before an idle session ends (the server ends it after
// Sessions:IdleTimeout without requests) and let the person stay logged in with one click. The layout
// renders the hidden warning and its texts; without this script nothing changes, the session still ends.
(function () {
  "use strict";
  var box = document.querySelector("[data-session-warning]");
  if (!box) return;
  var idle = parseInt(box.getAttribute("data-idle-seconds"), 10) * 1000;
  var warn = parseInt(box.getAttribute("data-warn-seconds"), 10) * 1000;
  var url = box.getAttribute("data-keepalive");
  var soon = box.querySelector("[data-session-soon]");
  var ended = box.querySelector("[data-session-ended]");
  var stay = box.querySelector("[data-session-stay]");
  if (!idle || !url || !stay) return;
  // The server notes a request at most once a minute: count from a minute before this page was served.
  var slack = 60 * 1000;
  var warnTimer = null, endTimer = null;

  function schedule() {
    clearTimeout(warnTimer); clearTimeout(endTimer);
    box.hidden = true;
    warnTimer = setTimeout(function () {
      soon.hidden = false; ended.hidden = true; stay.hidden = false;
      box.hidden = false;
    }, Math.max(0, idle - slack - warn));
    endTimer = setTimeout(function () {
      soon.hidden = true; ended.hidden = false; stay.hidden = true;
      box.hidden = false;
    }, Math.max(0, idle - slack));
  }

  stay.addEventListener("click", function () {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" }, redirect: "manual" })
      .then(function (r) {
        if (r.ok) { schedule(); return; }
        soon.hidden = true; ended.hidden = false; stay.hidden = true;
      })
      .catch(function () { /* offline: leave the warning up; the next click tries again */ });
  });

  schedule();
})();
