using Stillas.Web.Features.Agreements;
using Stillas.Web.Features.Assessment;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Audit;
using Stillas.Web.Features.Documents;
using Stillas.Web.Features.FuturePicture;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Selection;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

var builder = WebApplication.CreateBuilder(args);

// Services: platform first, then the areas.
builder.AddStillasPlatform();
builder.Services.AddHostedService<Stillas.Web.Features.Assessment.NoteRetentionJob>();

var app = builder.Build();

// Middleware: errors, security headers, static assets, authentication, the request's access scope.
app.UseStillasPlatform();

// Areas: pages come from Features/ (the folder is the URL); each area maps its API group.
app.MapStillasPages();
app.MapSchoolsApi();
app.MapTeamsApi();
app.MapOwnersApi();
app.MapAuditApi();
app.MapPeopleApi();
app.MapSelectionApi();
app.MapProgrammesApi();
app.MapDocumentsApi();
app.MapFuturePictureApi();
app.MapAgreementsApi();
app.MapAssessmentApi();

await DatabaseSetup.MigrateAndSeedAsync(app.Services, app.Services.GetRequiredService<DatabaseOptions>().SeedDemoData ?? app.Environment.IsDevelopment());
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
