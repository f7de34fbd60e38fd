using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stillas.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Noe gikk galt";
    public string Text { get; private set; } = "";
    public string? Trace { get; private set; }

    public void OnGet(int? code, string? trace, string? kind) => Set(code, trace, kind);
    public void OnPost(int? code, string? trace, string? kind) => Set(code, trace, kind);

    private void Set(int? code, string? trace, string? kind)
    {
        Trace = trace;
        (Heading, Text) = code switch
        {
            409 when kind == "edit" => ("Noen andre har endret dette", "Noen andre lagret det samme mens du arbeidet, så endringen din ble ikke lagret, og ingenting av deres er overskrevet. Gå tilbake, last siden på nytt og gjør endringen igjen."),
            404 => ("Fant ikke siden", "Siden finnes ikke, eller du har ikke tilgang til den."),
            403 => ("Ingen tilgang", "Du har ikke tilgang til denne siden."),
            409 => ("Forløpet kan ikke endres", "Forløpet er satt på pause eller avsluttet, og kan ikke endres. Det som var lagret før, er ikke endret. Be skoleeieren gjenoppta forløpet hvis arbeidet skal fortsette."),
            429 => ("For mange forsøk", "Du har prøvd for mange ganger på kort tid. Vent noen minutter, og prøv igjen."),
            400 => ("Ugyldig forespørsel", "Forespørselen kunne ikke behandles. Gå tilbake og prøv igjen."),
            _ => ("Noe gikk galt", "Noe gikk galt hos oss. Feilen er logget, og det du har lagret tidligere er ikke tapt."),
        };
        if (code is int c && c >= 400 && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            Response.StatusCode = c;
    }
}
