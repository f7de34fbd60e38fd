// Progressive enhancement for forms that must not lose what is typed (Stillas, assessment days).
// form[data-draft-key]: keeps a draft in localStorage while typing and puts it back after a closed
//   browser or a crash, so nothing typed is lost even without a network.
// form[data-autosave]: also saves to the server as you type (POST of the form, JSON answer with a
//   Norwegian message), and says in the status line (data-autosave-status) what was saved when.
// Without JavaScript the forms work as they are, with their submit buttons.
(function () {
  "use strict";
  var fieldsOf = function (form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "__RequestVerificationToken" && el.type !== "hidden" && el.type !== "submit" && el.type !== "button";
    });
  };
  var read = function (form) {
    var values = {};
    fieldsOf(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        values[el.name + "=" + el.value] = el.checked;
      } else {
        values[el.name] = el.value;
      }
    });
    return values;
  };
  var write = function (form, values) {
    fieldsOf(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        var k = el.name + "=" + el.value;
        if (k in values) el.checked = values[k];
      } else if (el.name in values) {
        el.value = values[el.name];
      }
    });
  };
  var same = function (a, b) { return JSON.stringify(a) === JSON.stringify(b); };
  var clock = function (d) {
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return p(d.getHours()) + ":" + p(d.getMinutes());
  };

  Array.prototype.forEach.call(document.querySelectorAll("form[data-draft-key]"), function (form) {
    var key = form.getAttribute("data-draft-key");
    var status = form.querySelector("[data-autosave-status]");
    var say = function (text) { if (status) status.textContent = text; };
    var store = null;
    try { store = window.localStorage; } catch (e) { store = null; }

    if (store) {
      var raw = store.getItem(key);
      if (raw) {
        try {
          var draft = JSON.parse(raw);
          if (same(draft.values, read(form))) {
            store.removeItem(key);
          } else {
            write(form, draft.values);
            say("Vi fant en kladd fra kl. " + clock(new Date(draft.at)) + " som ikke var lagret, og har lagt den tilbake i skjemaet. Lagre for å beholde den.");
          }
        } catch (e) { store.removeItem(key); }
      }
    }

    var url = form.getAttribute("data-autosave");
    var draftTimer = null, saveTimer = null, saving = false, again = false;
    var keepDraft = function () {
      if (!store) return;
      try { store.setItem(key, JSON.stringify({ at: Date.now(), values: read(form) })); } catch (e) { /* full or blocked: the server save still runs */ }
    };
    var save = function () {
      if (!url) return;
      if (saving) { again = true; return; }
      saving = true;
      var sent = read(form);
      say("Lagrer …");
      fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) {
          return r.json().catch(function () { return { saved: false, message: "Serveren svarte " + r.status + "." }; })
            .then(function (body) { return { ok: r.ok, body: body }; });
        })
        .then(function (res) {
          if (res.ok && res.body.saved) {
            say(res.body.message || ("Lagret kl. " + clock(new Date()) + "."));
            if (store && same(sent, read(form))) store.removeItem(key);
          } else {
            say((res.body && res.body.message ? res.body.message : "Ikke lagret på serveren ennå.") + " Teksten er tatt vare på i nettleseren.");
          }
        })
        .catch(function () { say("Ikke lagret: ingen forbindelse med serveren. Teksten er tatt vare på i nettleseren og lagres når du er på nett igjen."); })
        .then(function () { saving = false; if (again) { again = false; save(); } });
    };
    var changed = function () {
      clearTimeout(draftTimer);
      draftTimer = setTimeout(keepDraft, 250);
      if (url) {
        clearTimeout(saveTimer);
        saveTimer = setTimeout(save, 1200);
      }
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    window.addEventListener("online", function () { if (url && store && store.getItem(key)) save(); });
    window.addEventListener("pagehide", keepDraft);
  });
})();
