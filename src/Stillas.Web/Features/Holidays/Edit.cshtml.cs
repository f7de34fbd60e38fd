using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Holidays;

/// <summary>Add (no id) or change (id) one of the owner's school holidays.</summary>
public sealed class EditModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    [BindProperty] public HolidayInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public string OwnerName { get; private set; } = "";
    public List<SelectListItem> KindOptions { get; } =
        [.. Enum.GetValues<SchoolHolidayKind>().Select(k => new SelectListItem(SchoolHolidayPeriod.KindName(k), k.ToString()))];

    public async Task<IActionResult> OnGetAsync(int? id, int? owner, int? year, CancellationToken ct)
    {
        Id = id;
        if (id is int existing)
        {
            var holiday = await db.SchoolHolidays.AsNoTracking().SingleOrDefaultAsync(h => h.Id == existing, ct);
            if (holiday is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageProgrammes, holiday.OwnerId)) return Forbid();
            Input = HolidayInput.From(holiday);
        }
        else
        {
            if (!current.Scope.Can(Permission.ManageProgrammes)) return Forbid();
            var ownerId = owner ?? (current.Scope.AdminOwnerIds.Length == 1 ? current.Scope.AdminOwnerIds[0] : null);
            if (ownerId is null) return RedirectToPage("/Holidays/Index");
            if (!current.Scope.Can(Permission.ManageProgrammes, ownerId)) return Forbid();
            var schoolYear = year is int y and > 1900 and < 9998 ? new SchoolYear(y) : SchoolYear.Of(ProgrammePlanning.Today(clock));
            Input.OwnerId = ownerId;
            Input.SchoolYear = schoolYear.ToString();
        }
        return await OwnerPageAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        SchoolHolidayPeriod? holiday = null;
        if (id is int existing)
        {
            holiday = await db.SchoolHolidays.SingleOrDefaultAsync(h => h.Id == existing, ct);
            if (holiday is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageProgrammes, holiday.OwnerId)) return Forbid();
            // A period stays with its owner.
            Input.OwnerId = holiday.OwnerId;
        }
        else if (!current.Scope.Can(Permission.ManageProgrammes)) return Forbid();
        if (Input.OwnerId is not int ownerId || !current.Scope.Can(Permission.ManageProgrammes, ownerId)) return Forbid();

        if (ModelState.IsValid)
            foreach (var (field, message) in await Input.CheckAsync(db, id, ct))
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid) return await OwnerPageAsync(ct);

        if (holiday is null)
        {
            holiday = new SchoolHolidayPeriod { SchoolYear = "", Name = "" };
            db.SchoolHolidays.Add(holiday);
        }
        else db.Expect(holiday, Input.Version);
        Input.Apply(holiday);
        if (!await db.TrySaveAsync(this, ct)) return await OwnerPageAsync(ct);
        TempData["Message"] = Platform.Text.L.T("{0} ({1}) er lagret. Forløp som allerede er planlagt, beholder datoene sine.", Platform.Text.L.Data(holiday.Name), holiday.Range);
        return RedirectToPage("/Holidays/Index", new { owner = holiday.OwnerId, year = SchoolYear.Parse(holiday.SchoolYear).StartYear });
    }

    private async Task<IActionResult> OwnerPageAsync(CancellationToken ct)
    {
        OwnerName = await db.Owners.AsNoTracking().Where(o => o.Id == Input.OwnerId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
        return Page();
    }

    public string BackUrl => Url.Page("/Holidays/Index", new { owner = Input.OwnerId, year = SchoolYear.TryParse(Input.SchoolYear, out var y) ? y.StartYear : (int?)null })!;
}
