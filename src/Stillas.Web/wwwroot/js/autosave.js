// Progressive enhancement for forms that must not lose what is typed (Stillas, assessment days).
// form[data-draft-key]: keeps a draft in localStorage while typing and puts it back after a closed
//   browser or a crash, so nothing typed is lost even without a network. Hidden fields marked
//   data-draft-keep (a note's client key, the report section's version the text is based on) are kept
//   with the draft, so a restored draft saves to the same note, and is still checked against the
//   version it was written on.
// form[data-draft-adopt]: a draft under that other key is this form's when its kept hidden fields
//   match (a new note's draft, once the note has its own page).
// form[data-autosave]: also saves to the server as you type (POST of the form, JSON answer with a
//   message in the reader's language; "fields" updates hidden fields, e.g. the version just saved), and says in the
//   status line (data-autosave-status) what was saved when; data-autosave-state on the form says it
//   for styles and tests. A conflict (someone else saved the same
//   part meanwhile) stops the saving as you type for that form and says so: the text stays in the
//   form and in the browser, and the form's own save button shows both versions.
// The texts come from the page, in the reader's language: data-t-* attributes on the form or an element
//   around it ("{0}" where a value goes).
// Without JavaScript the forms work as they are, with their submit buttons.
(function () {
  "use strict";
  var fieldsOf = function (form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "__RequestVerificationToken" && el.type !== "hidden" && el.type !== "submit" && el.type !== "button";
    });
  };
  var keptOf = function (form) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name && el.type === "hidden" && el.hasAttribute("data-draft-keep"); });
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
  var readKept = function (form) {
    var kept = {};
    keptOf(form).forEach(function (el) { kept[el.name] = el.value; });
    return kept;
  };
  var write = function (form, values, kept) {
    fieldsOf(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        var k = el.name + "=" + el.value;
        if (k in values) el.checked = values[k];
      } else if (el.name in values) {
        el.value = values[el.name];
      }
    });
    setHidden(form, kept || {});
  };
  var setHidden = function (form, fields) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.type === "hidden" && Object.prototype.hasOwnProperty.call(fields, el.name)) el.value = String(fields[el.name]);
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
    var texts = form.closest("[data-t-saving]");
    var text = function (name, value) {
      var t = (texts && texts.getAttribute("data-t-" + name)) || "";
      return value === undefined ? t : t.split("{0}").join(String(value));
    };
    // data-autosave-state on the form: pending (typed, not sent), saved (all typed is on the server), conflict, error.
    var mark = function (state) { form.setAttribute("data-autosave-state", state); };
    var say = function (text, state) {
      if (!status) return;
      status.textContent = text;
      if (state) status.setAttribute("data-state", state); else status.removeAttribute("data-state");
    };
    var store = null;
    try { store = window.localStorage; } catch (e) { store = null; }
    var url = form.getAttribute("data-autosave");
    // What the server has: the form as the page came, then what each save sent.
    var lastSaved = read(form);
    var restored = false, restoredNotice = "";

    if (store) {
      var adopt = form.getAttribute("data-draft-adopt");
      if (adopt && adopt !== key && !store.getItem(key)) {
        try {
          var other = JSON.parse(store.getItem(adopt) || "null");
          var mine = readKept(form);
          if (other && other.kept && Object.keys(other.kept).length > 0 && Object.keys(other.kept).every(function (n) { return mine[n] === other.kept[n]; })) {
            store.setItem(key, JSON.stringify(other));
            store.removeItem(adopt);
          }
        } catch (e) { /* a broken draft elsewhere is not this form's */ }
      }
      var raw = store.getItem(key);
      if (raw) {
        try {
          var draft = JSON.parse(raw);
          if (same(draft.values, read(form))) {
            store.removeItem(key);
          } else {
            write(form, draft.values, draft.kept);
            restored = true;
            restoredNotice = text("restored", clock(new Date(draft.at)));
            say(restoredNotice + " " + (url ? text("saving-now") : text("save-to-keep")));
          }
        } catch (e) { store.removeItem(key); }
      }
    }

    var draftTimer = null, saveTimer = null, saving = false, again = false, halted = false, submitting = false, waitingSubmit = null;
    var keepDraft = function () {
      if (!store) return;
      try { store.setItem(key, JSON.stringify({ at: Date.now(), values: read(form), kept: readKept(form) })); } catch (e) { /* full or blocked: the server save still runs */ }
    };
    var dirty = function () { return !same(read(form), lastSaved); };
    var finished = function () {
      saving = false;
      if (waitingSubmit) { var s = waitingSubmit; waitingSubmit = null; submitting = true; if (form.requestSubmit) form.requestSubmit(s || undefined); else form.submit(); return; }
      if (again) { again = false; save(); }
    };
    var save = function () {
      if (!url || halted || submitting) return;
      if (saving) { again = true; return; }
      saving = true;
      var sent = read(form);
      say(text("saving"));
      fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) {
          if (r.redirected && /\/Account\/Login/.test(r.url)) {
            return { ok: false, status: 401, body: { saved: false, message: text("logged-out") } };
          }
          return r.json().catch(function () { return { saved: false, message: text("server", r.status) }; })
            .then(function (body) { return { ok: r.ok, status: r.status, body: body || {} }; });
        })
        .then(function (res) {
          if (res.ok && res.body.saved) {
            if (res.body.fields) setHidden(form, res.body.fields);
            var info = form.querySelector("[data-autosave-info]");
            if (info && res.body.info) info.textContent = res.body.info;
            lastSaved = sent;
            say((restoredNotice ? restoredNotice + " " : "") + (res.body.message || text("saved", clock(new Date()))));
            restoredNotice = "";
            var all = same(sent, read(form));
            if (all) mark("saved");
            if (store) { if (all) store.removeItem(key); else keepDraft(); }
          } else if (res.body.conflict) {
            halted = true;
            keepDraft();
            mark("conflict");
            say(res.body.message || text("conflict"), "conflict");
          } else {
            if (res.status === 403) halted = true;
            keepDraft();
            mark("error");
            say((res.body.message || text("not-saved")) + " " + text("kept"), "error");
          }
        })
        .catch(function () {
          keepDraft();
          mark("error");
          say(text("offline"), "error");
        })
        .then(finished, finished);
    };
    var changed = function () {
      clearTimeout(draftTimer);
      draftTimer = setTimeout(keepDraft, 250);
      if (url && !halted) {
        mark("pending");
        clearTimeout(saveTimer);
        saveTimer = setTimeout(save, 1200);
      }
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (e) {
      clearTimeout(saveTimer);
      keepDraft();
      // A save as you type still under way would move the version under the form's feet: let it land first.
      if (saving && !submitting) {
        e.preventDefault();
        waitingSubmit = e.submitter || null;
        return;
      }
      submitting = true;
    });
    window.addEventListener("online", function () { if (url && !halted && store && store.getItem(key)) save(); });
    window.addEventListener("pagehide", function () {
      // Only what is not saved yet: a draft of saved text would come back into a new note's empty form.
      if (!dirty()) return;
      keepDraft();
      // Closed or left mid-sentence: send it now; the draft stays until a page sees it saved.
      if (url && !halted && !submitting) {
        clearTimeout(saveTimer);
        try { fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", keepalive: true, headers: { "Accept": "application/json" } }).catch(function () { }); } catch (e) { /* too large for keepalive: the draft has it */ }
      }
    });
    if (restored && url) save();
  });
})();
