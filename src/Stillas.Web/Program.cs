using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Programmes.Assessment;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Audit;
using Stillas.Web.Features.Holidays;
using Stillas.Web.Features.Indicators;
using Stillas.Web.Features.Programmes.StartUp;
using Stillas.Web.Features.Programmes.FuturePicture;
using Stillas.Web.Features.Programmes.Objectives;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Selection;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Features.Programmes.Timeline;
using Stillas.Web.Features.Surveys;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

// `generate`: fill the database with the national dataset instead of serving (docs/performance.md).
if (Stillas.Web.Platform.Data.Seed.National.NationalCommand.IsRequested(args)) { Environment.ExitCode = await Stillas.Web.Platform.Data.Seed.National.NationalCommand.RunAsync(args); return; }
// `backup FILE` / `restore FILE`: a consistent copy of the database, file store and keys (README, "Sikkerhetskopi").
if (Stillas.Web.Platform.Data.BackupCommand.IsRequested(args)) { Environment.ExitCode = await Stillas.Web.Platform.Data.BackupCommand.RunAsync(args); return; }

var builder = WebApplication.CreateBuilder(args);
// The build output (not only a published folder) serves its CSS in any environment: ASP.NET Core reads the
// build's static-asset manifest only in Development, and elsewhere MapStaticAssets then answered the
// browser's compressed requests without a content type, so bench/serve.sh's pages came unstyled. A
// published app has no such manifest and is unaffected.
if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets(); // Development does it itself

// Services: platform first, then the areas with services of their own (background jobs, timeline sources).
builder.AddStillasPlatform();
builder.Services.AddProgrammes();
builder.Services.AddSessions();
builder.Services.AddDocumentReminders();
builder.Services.AddTimeline();
builder.Services.AddAssessment();
builder.Services.AddSurveys(builder.Configuration);
builder.Services.AddIndicators(builder.Configuration);

builder.Services.RemoveDataProtectionWarmUp();
var app = builder.Build();

// Migrations and demo data run in the background from here, while the pipeline and endpoints are built
// and Kestrel starts; DatabaseReadinessGate holds requests that need the database until they are done.
DatabaseReadiness.StartInBackground(app, app.Services.GetRequiredService<DatabaseOptions>().SeedDemoData ?? app.Environment.IsDevelopment());

// Middleware: errors, security headers, static assets, authentication, the request's access scope.
app.UseStillasPlatform();

// Areas: pages come from Features/ (the folder is the URL); each area maps its API group under the API root,
// which bounds every endpoint's dates (BoundedInput).
app.MapStillasPages();
var api = app.MapApiRoot();
api.MapSchoolsApi();
api.MapTeamsApi();
api.MapOwnersApi();
api.MapAuditApi();
api.MapPeopleApi();
api.MapSelectionApi();
api.MapProgrammesApi();
api.MapHolidaysApi();
api.MapStartUpApi();
api.MapFuturePictureApi();
api.MapObjectivesApi();
api.MapAgreementsApi();
api.MapSessionsApi();
api.MapTimelineApi();
api.MapAssessmentApi();
api.MapSurveysApi();
api.MapIndicatorsApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
