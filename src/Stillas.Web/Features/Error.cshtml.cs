using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = L.T("Noe gikk galt");
    public string Text { get; private set; } = "";
    public string? Trace { get; private set; }

    public void OnGet(int? code, string? trace, string? kind) => Set(code, trace, kind);
    public void OnPost(int? code, string? trace, string? kind) => Set(code, trace, kind);

    private void Set(int? code, string? trace, string? kind)
    {
        Trace = trace;
        (Heading, Text) = code switch
        {
            409 when kind == "edit" => (L.T("Noen andre har endret dette"), L.T("Noen andre lagret det samme mens du arbeidet, så endringen din ble ikke lagret, og ingenting av deres er overskrevet. Gå tilbake, last siden på nytt og gjør endringen igjen.")),
            404 => (L.T("Fant ikke siden"), L.T("Siden finnes ikke, eller du har ikke tilgang til den.")),
            403 => (L.T("Ingen tilgang"), L.T("Du har ikke tilgang til denne siden.")),
            409 => (L.T("Forløpet kan ikke endres"), L.T("Forløpet er satt på pause eller avsluttet, og kan ikke endres. Det som var lagret før, er ikke endret. Be skoleeieren gjenoppta forløpet hvis arbeidet skal fortsette.")),
            429 => (L.T("For mange forsøk"), L.T("Du har prøvd for mange ganger på kort tid. Vent noen minutter, og prøv igjen.")),
            400 => (L.T("Ugyldig forespørsel"), L.T("Forespørselen kunne ikke behandles. Gå tilbake og prøv igjen.")),
            _ => (L.T("Noe gikk galt"), L.T("Noe gikk galt hos oss. Feilen er logget, og det du har lagret tidligere er ikke tapt.")),
        };
        if (code is int c && c >= 400 && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            Response.StatusCode = c;
    }
}
