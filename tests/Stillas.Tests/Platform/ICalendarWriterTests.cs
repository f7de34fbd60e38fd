using System.Text;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Tests.Platform;

/// <summary>The feed's hand-written iCalendar text is valid RFC 5545: Ical.Net reads back what was written.</summary>
public sealed class ICalendarWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 27, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Ical_net_reads_back_all_day_and_timed_events_with_escaped_and_folded_text()
    {
        var awkward = "Rektor; SKUT, lærere \\ foreldre\nAndre linje med æøå ÆØÅ – og en emoji 🙂 " + new string('ø', 60);
        var w = new ICalendarWriter("-//Stillas//Veiledningsforløp//NB", "Stillas: Ola Æsøy", Stamp);
        w.AllDay("stillas-step-1", new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 10), "Veiledning 4 – Sentrum skole", awkward, "http://localhost/Programmes/Step/1");
        w.InOslo("stillas-assessment-slot-2", new DateTime(2027, 3, 8, 8, 0, 0), new DateTime(2027, 3, 8, 9, 30, 0), "Vurderingsdager: Samtale, elever", "Hvem: 7A; 7B", "http://localhost/Programmes/Assessment/3", "Rom 101, 2. etg.");
        w.InOslo("stillas-assessment-slot-3", new DateTime(2027, 6, 8, 8, 0, 0), new DateTime(2027, 6, 8, 9, 0, 0), "Sommer", null, null);
        var ics = w.ToString();

        // CRLF only, and no line longer than 75 octets.
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.All(ics.Split("\r\n"), line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
        Assert.Contains("DTSTART;VALUE=DATE:20270308", ics);
        Assert.Contains("DTEND;VALUE=DATE:20270311", ics);
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20270308T080000", ics);
        Assert.Contains("DTSTAMP:20261127T123000Z", ics);

        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal(3, calendar.Events.Count);
        var step = calendar.Events.Single(e => e.Uid == "stillas-step-1");
        Assert.Equal("Veiledning 4 – Sentrum skole", step.Summary);
        Assert.Equal(awkward, step.Description);
        Assert.False(step.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2027, 3, 8), step.DtStart.Date);
        Assert.Equal(new DateOnly(2027, 3, 11), step.DtEnd!.Date);
        Assert.Equal(new Uri("http://localhost/Programmes/Step/1"), step.Url);

        var slot = calendar.Events.Single(e => e.Uid == "stillas-assessment-slot-2");
        Assert.Equal("Vurderingsdager: Samtale, elever", slot.Summary);
        Assert.Equal("Hvem: 7A; 7B", slot.Description);
        Assert.Equal("Rom 101, 2. etg.", slot.Location);
        Assert.Equal("Europe/Oslo", slot.DtStart!.TzId);
        // Winter in Oslo is UTC+1, summer UTC+2: the VTIMEZONE says so.
        Assert.Equal(new DateTime(2027, 3, 8, 7, 0, 0, DateTimeKind.Utc), slot.DtStart.AsUtc);
        var summer = calendar.Events.Single(e => e.Uid == "stillas-assessment-slot-3");
        Assert.Equal(new DateTime(2027, 6, 8, 6, 0, 0, DateTimeKind.Utc), summer.DtStart!.AsUtc);
        Assert.Single(calendar.TimeZones);
        Assert.Contains("X-WR-CALNAME:Stillas: Ola Æsøy", ics);
    }

    [Fact]
    public async Task Written_to_a_response_body_it_is_the_same_utf8_as_the_text_even_where_a_chunk_splits_an_emoji()
    {
        // A feed-sized calendar (> 85,000 characters) of emoji (surrogate pairs) and odd-length lines, so that
        // the builder's chunk boundaries fall between the halves of a pair.
        ICalendarWriter Calendar()
        {
            var w = new ICalendarWriter("-//Stillas//Veiledningsforløp//NB", "Stillas: Ola Æsøy", Stamp);
            for (var i = 0; i < 400; i++)
                w.AllDay($"stillas-step-{i}", new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 8), "Ø" + new string('x', i % 7) + string.Concat(Enumerable.Repeat("🙂", 20 + i % 5)), "æ🙂" + i, null);
            return w;
        }
        var expected = Encoding.UTF8.GetBytes(Calendar().ToString());
        Assert.True(expected.Length > 85_000);

        // Read while writing, as Kestrel does: the pipe holds back a writer 64 KB ahead of its reader.
        var pipe = new System.IO.Pipelines.Pipe();
        using var written = new MemoryStream();
        var reading = pipe.Reader.CopyToAsync(written);
        await Calendar().WriteToAsync(pipe.Writer, CancellationToken.None);
        await pipe.Writer.CompleteAsync();
        await reading;
        Assert.Equal(expected, written.ToArray());
        Assert.Equal(400, Ical.Net.Calendar.Load(Encoding.UTF8.GetString(written.ToArray()))!.Events.Count);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a;b,c\\d", "a\\;b\\,c\\\\d")]
    [InlineData("one\r\ntwo\nthree", "one\\ntwo\\nthree")]
    public void Text_is_escaped_as_rfc_5545_says(string value, string escaped) => Assert.Equal(escaped, ICalendarWriter.Escape(value));
}
