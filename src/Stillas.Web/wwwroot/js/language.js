// Switching language reloads the page in the new language (a plain form post, working without script).
// With script, what the person has typed but not saved comes along: the page's form fields are kept in
// sessionStorage for this address just before the switch and put back once after it.
(() => {
  const key = 'stillas-lang-draft:' + location.pathname + location.search;
  const fields = () => Array.from(document.querySelectorAll('main form input, main form textarea, main form select'))
    .filter(el => el.name && !['hidden', 'password', 'file', 'submit', 'button'].includes(el.type) && el.name !== '__RequestVerificationToken');

  const saved = sessionStorage.getItem(key);
  if (saved) {
    sessionStorage.removeItem(key);
    try {
      const values = JSON.parse(saved);
      const seen = {};
      for (const el of fields()) {
        const list = values[el.name];
        if (!list) continue;
        const i = seen[el.name] = (seen[el.name] ?? -1) + 1;
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = list.includes(el.value);
        else if (i < list.length) el.value = list[i];
      }
    } catch { /* a broken draft is dropped, the page is as the server sent it */ }
  }

  for (const form of document.querySelectorAll('form[data-language-switch]')) {
    form.addEventListener('submit', () => {
      const values = {};
      let any = false;
      for (const el of fields()) {
        if ((el.type === 'checkbox' || el.type === 'radio')) { if (!el.checked) continue; }
        else if (el.value === el.defaultValue) { (values[el.name] ??= []).push(el.value); continue; }
        (values[el.name] ??= []).push(el.value);
        any = true;
      }
      // Only when something was typed: an untouched page reloads exactly as the server renders it.
      const target = form.querySelector('input[name="returnUrl"]')?.value;
      if (any && target) sessionStorage.setItem('stillas-lang-draft:' + target, JSON.stringify(values));
    });
  }
})();
