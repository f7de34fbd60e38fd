using Stillas.Web.Features.Holidays;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>Every owner's school holidays 2021/22–2028/29 (the usual skolerute, høstferie week 40 or 41, vinterferie week 8 or 9), and own models for some large owners.</summary>
public sealed class HolidaysAndModelsPart : IDatasetPart
{
    public string Name => "holidays, own models";

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var rows = new List<SchoolHolidayPeriod>();
        var models = new List<ProgrammeModel>();
        foreach (var owner in set.Owners)
        {
            var autumn = set.Chance(0.8) ? 40 : 41;
            var winter = set.Chance(0.5) ? 8 : 9;
            var ranges = new List<DateRange>();
            for (var y = 2021; y <= 2028; y++)
                foreach (var h in SchoolHolidaySuggestion.For(new SchoolYear(y), autumn, winter))
                {
                    rows.Add(new SchoolHolidayPeriod { Id = set.NextId<SchoolHolidayPeriod>(), OwnerId = owner.Id, SchoolYear = new SchoolYear(y).ToString(), Kind = h.Kind, Name = h.Name, Start = h.Range.Start, End = h.Range.End, CreatedAt = owner.CreatedAt });
                    ranges.Add(h.Range);
                }
            set.Holidays[owner.Id] = [.. ranges];

            // One in four owners with several teams has copied the Tromsø model as its own.
            if (set.Pools.TryGetValue(owner.Id, out var pool) && pool.UniversityGuides.Count >= 3 && set.Chance(0.25))
            {
                var key = Names.Slug(owner.Name.Split(' ')[0]);
                var own = ProgrammeTemplates.TromsoV1.CopyAsOwnModel(key, $"{owner.Name.Split(' ')[0]}-modellen").WithSessionsPerHalfYear(3);
                var row = new ProgrammeModel
                {
                    Id = set.NextId<ProgrammeModel>(), OwnerId = owner.Id, Key = own.Key, Name = own.Name, Version = own.Version,
                    BasedOnKey = own.BasedOn!.Key, BasedOnVersion = own.BasedOn.Version, Json = ProgrammeModelJson.Write(own), CreatedAt = owner.CreatedAt,
                };
                models.Add(row);
                set.OwnModels[owner.Id] = own;
            }
        }
        await set.Writer.WriteAsync(rows, ct);
        await set.Writer.WriteAsync(models, ct);
    }
}
