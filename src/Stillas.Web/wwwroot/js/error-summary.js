// After a refused form post the page opens with an error summary (Features/Shared/_ErrorSummary.cshtml): move
// focus to it, so the keyboard and a screen reader start at the list of what to correct. Without script the
// summary is still the first thing in the main content, and each error links to its field.
(function () {
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) return;
    summary.focus();
    if (summary.scrollIntoView) summary.scrollIntoView({ block: 'start' });
})();
