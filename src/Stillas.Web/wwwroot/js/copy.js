// A copy button for a text the page also shows in a read-only field (which works without script: select
// it and copy). With script the button appears; pressing it copies the field's value and says so.
(() => {
  for (const button of document.querySelectorAll('button[data-copy-target]')) {
    const field = document.getElementById(button.dataset.copyTarget);
    const status = document.getElementById(button.dataset.copyStatus);
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = button.dataset.copied;
      } catch {
        field.focus();
        field.select();
        if (status) status.textContent = button.dataset.copyFailed;
      }
    });
  }
})();
