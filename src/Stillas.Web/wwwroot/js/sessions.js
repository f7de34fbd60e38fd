// Progressive enhancement for the session pages (the forms work without it):
// 1. Notes and other marked forms are saved as you type (fetch), and a draft is kept in localStorage
//    until the server has it, so a sleeping laptop or a dropped network loses nothing.
// 2. The run sheet's clock marks the time box in progress.
// The texts come from the page in the person's language (data-t-* attributes, "{0}" where a value goes).
(function () {
  "use strict";

  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function text(el, name, value) {
    var t = (el && el.getAttribute("data-t-" + name)) || "";
    return value === undefined ? t : t.split("{0}").join(String(value));
  }

  each("form[data-autosave]", function (form) {
    var key = "stillas:" + form.getAttribute("data-autosave");
    var field = form.querySelector("textarea");
    var status = form.querySelector("[data-autosave-status]");
    if (!field) return;
    var timer = null, saving = false, dirty = false, halted = false;

    function say(text) { if (status) status.textContent = text; }
    function keep() { try { localStorage.setItem(key, JSON.stringify({ text: field.value, at: Date.now() })); } catch (e) { /* storage full or off */ } }
    function forget() { try { localStorage.removeItem(key); } catch (e) { } }

    function save() {
      if (halted) return;
      if (saving) { dirty = true; return; }
      saving = true; dirty = false;
      var sent = field.value;
      var body = new FormData(form);
      fetch(form.action, { method: "POST", body: body, headers: { "X-Autosave": "1", "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, status: r.status, json: j }; }); })
        .then(function (res) {
          // Saved in another tab meanwhile: stop saving as you type; the text stays here and in the browser.
          if (res.status === 409) { halted = true; keep(); form.setAttribute("data-autosave-state", "conflict"); say(res.json.message); return; }
          if (!res.ok) { say(res.json && res.json.error ? res.json.error : text(form, "retry")); return; }
          var version = form.querySelector("[data-version]");
          if (version && res.json.version !== undefined) version.value = String(res.json.version);
          if (field.value === sent) forget();
          say(text(form, "saved", res.json.savedAt));
        })
        .catch(function () { say(text(form, "offline")); })
        .then(function () { saving = false; if (dirty) schedule(); });
    }
    function schedule() { clearTimeout(timer); timer = setTimeout(save, 1200); }

    // A draft the server never got (the laptop slept, the network dropped): put it back and save it.
    try {
      var draft = JSON.parse(localStorage.getItem(key) || "null");
      if (draft && typeof draft.text === "string" && draft.text !== field.value) {
        field.value = draft.text;
        say(text(form, "restored"));
        save();
      } else if (draft) { forget(); }
    } catch (e) { }

    field.addEventListener("input", function () { keep(); say(text(form, "changed")); schedule(); });
    window.addEventListener("online", function () { if (localStorage.getItem(key)) save(); });
    setInterval(function () { if (localStorage.getItem(key) && !saving) save(); }, 15000);
  });

  var clock = document.querySelector("[data-session-date]");
  if (clock) {
    var date = clock.getAttribute("data-session-date");
    var now = clock.querySelector("[data-clock-now]");
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var tick = function () {
      var d = new Date();
      var today = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
      var hm = pad(d.getHours()) + ":" + pad(d.getMinutes());
      var running = null;
      each(".timebox", function (li) {
        var on = today === date && hm >= li.getAttribute("data-start") && hm < li.getAttribute("data-end");
        li.classList.toggle("is-current", on);
        if (on) { li.setAttribute("aria-current", "step"); running = li; } else { li.removeAttribute("aria-current"); }
        var state = li.querySelector("[data-state]");
        if (state) {
          if (on) {
            var end = li.getAttribute("data-end").split(":");
            var left = (parseInt(end[0], 10) * 60 + parseInt(end[1], 10)) - (d.getHours() * 60 + d.getMinutes());
            state.textContent = text(clock, "running", left);
          } else { state.textContent = ""; }
        }
      });
      if (now) {
        var title = running ? running.querySelector(".timebox-title").textContent.trim() : null;
        now.textContent = today === date ? text(clock, "clock", hm) + (title ? " " + text(clock, "now", title) : "") : now.textContent;
      }
    };
    tick();
    setInterval(tick, 20000);
  }
})();
