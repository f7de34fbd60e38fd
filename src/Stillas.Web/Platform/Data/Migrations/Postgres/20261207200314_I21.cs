using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Stillas.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I21 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SurveyMinimumGroupSize",
                table: "Owners",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.CreateTable(
                name: "IndicatorColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OrganisationNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Level = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SchoolYear = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Indicator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Grade = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Gender = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Numerator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Denominator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SeriesBreak = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorColumnMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorColumnMappings_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedById = table.Column<int>(type: "integer", nullable: true),
                    ImportedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValueCount = table.Column<int>(type: "integer", nullable: false),
                    SuppressedCount = table.Column<int>(type: "integer", nullable: false),
                    MissingCount = table.Column<int>(type: "integer", nullable: false),
                    SchoolYears = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorImports_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Area = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ScaleExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Interpretation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "boolean", nullable: false),
                    Aliases = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSyncs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FilterSignature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ImportId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSyncs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorSyncs_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ItemBanks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Licence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LatestNumber = table.Column<int>(type: "integer", nullable: false),
                    RightsConfirmedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RightsConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemBanks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemBanks_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Survey",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    AnalysisId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BankId = table.Column<int>(type: "integer", nullable: true),
                    BankName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BankVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Groups = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpenToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResultsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    MeetingRecord = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Survey_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Survey_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    OrganisationNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    SchoolYear = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: true),
                    Gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: true),
                    Numerator = table.Column<int>(type: "integer", nullable: true),
                    Denominator = table.Column<int>(type: "integer", nullable: true),
                    SeriesBreak = table.Column<bool>(type: "boolean", nullable: false),
                    SeriesBreakNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_IndicatorImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "IndicatorImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ItemBankVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BankId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ItemsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemBankVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemBankVersions_ItemBanks_BankId",
                        column: x => x.BankId,
                        principalTable: "ItemBanks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAggregates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    ItemId = table.Column<int>(type: "integer", nullable: true),
                    Group = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAggregates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAggregates_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Group = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Block = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Scale = table.Column<int>(type: "integer", nullable: false),
                    Roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mandatory = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyItems_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    Group = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Indicators",
                columns: new[] { "Id", "Aliases", "Area", "Code", "HigherIsBetter", "Interpretation", "Kind", "Name", "Order", "ScaleExplanation", "Unit" },
                values: new object[,]
                {
                    { 1, "trivsel|trivsel på skolen", 2, "EU_TRIVSEL", true, "Viser hvordan elevene har det på skolen sett under ett. Små forskjeller mellom år sier lite; se etter en retning over flere år, og snakk med elevene om hva tallet betyr hos dere.", 2, "Trivsel", 10, "Gjennomsnitt av elevenes svar på en skala fra 1 til 5, der 5 er best.", "skalapoeng" },
                    { 2, "mobbing|mobbet|mobbing på skolen|andel mobbet", 2, "EU_MOBBING", false, "Lavere er bedre. Ett mobbet barn er ett for mye: bruk tallet som en inngang til samtale, ikke som et mål i seg selv.", 2, "Mobbing på skolen", 20, "Andelen elever som svarer at de er blitt mobbet to–tre ganger i måneden eller oftere.", "prosent" },
                    { 3, "støtte fra lærerne|støtte fra lærer|stotte fra laererne|faglig og sosial støtte", 2, "EU_STOTTE", true, "Sier noe om relasjonen mellom lærere og elever slik elevene opplever den. Se den sammen med trivsel og mestring.", 2, "Støtte fra lærerne", 30, "Gjennomsnitt på en skala fra 1 til 5 av elevenes svar om lærerne bryr seg om dem og hjelper dem å lære.", "skalapoeng" },
                    { 4, "mestring|mestringsopplevelse", 2, "EU_MESTRING", true, "Høy mestring henger ofte sammen med god tilpasning av undervisningen. Lav mestring på ett trinn kan være et tegn å følge opp der.", 2, "Mestring", 40, "Gjennomsnitt på en skala fra 1 til 5 av elevenes svar om de får til oppgavene og forstår det de skal lære.", "skalapoeng" },
                    { 5, "lesing|nasjonale prøver i lesing|np lesing", 3, "NP_LESING", true, "Få elever gir store tilfeldige svingninger. Sammenlign med skolens egne år og med kommunen, ikke med enkeltskoler.", 1, "Nasjonale prøver i lesing", 50, "Skalapoeng der snittet for landet var 50 det året skalaen ble laget; spredningen er 10 poeng.", "skalapoeng" },
                    { 6, "regning|nasjonale prøver i regning|np regning", 3, "NP_REGNING", true, "Regning er en grunnleggende ferdighet i alle fag. Se tallet sammen med hvordan skolen arbeider med regning utenfor matematikkfaget.", 1, "Nasjonale prøver i regning", 60, "Skalapoeng der snittet for landet var 50 det året skalaen ble laget; spredningen er 10 poeng.", "skalapoeng" },
                    { 7, "engelsk|nasjonale prøver i engelsk|np engelsk", 3, "NP_ENGELSK", true, "Gir et bilde av elevenes engelskferdigheter på trinnet det året; les det sammen med andre vurderinger.", 1, "Nasjonale prøver i engelsk", 70, "Skalapoeng der snittet for landet var 50 det året skalaen ble laget; spredningen er 10 poeng.", "skalapoeng" },
                    { 8, "grunnskolepoeng|gjennomsnittlige grunnskolepoeng", 3, "GS_POENG", true, "Brukes ved opptak til videregående. Påvirkes av elevgrunnlaget; snakk om endringen over tid og om hvem som ikke lykkes.", 5, "Grunnskolepoeng", 80, "Summen av elevenes standpunkt- og eksamenskarakterer delt på antall karakterer, ganger ti.", "poeng" },
                    { 9, "karaktersnitt|standpunkt|gjennomsnittskarakter|karakterer", 3, "KAR_SNITT", true, "Et snitt skjuler spredningen: se også hvor mange som får 1 og 2.", 4, "Karaktersnitt", 90, "Gjennomsnittlig karakter fra 1 til 6.", "karakter" },
                    { 10, "gjennomføring|fullført og bestått|gjennomforing", 3, "GJ_FULLFORT", true, "Sier noe om hele opplæringsløpet, ikke bare om én skole. Følg tallet over flere år.", 3, "Gjennomføring", 100, "Andelen elever som har fullført og bestått videregående opplæring innen fem år (seks for lærlinger).", "prosent" },
                    { 11, "lærertetthet|laerertetthet|gruppestørrelse|elever per lærer", 1, "RES_LARERTETTHET", false, "Lavere betyr flere lærere per elev. Norm for lærertetthet gjelder på skolenivå; se tallet sammen med hvordan ressursene brukes.", 6, "Lærertetthet", 110, "Gjennomsnittlig antall elever per lærer i ordinær undervisning (gruppestørrelse 2).", "elever per lærer" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorColumnMappings_OwnerId_Kind",
                table: "IndicatorColumnMappings",
                columns: new[] { "OwnerId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorImports_OwnerId_ContentHash",
                table: "IndicatorImports",
                columns: new[] { "OwnerId", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Code",
                table: "Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSyncs_OwnerId",
                table: "IndicatorSyncs",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSyncs_State_NextAttemptAt",
                table: "IndicatorSyncs",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_ImportId",
                table: "IndicatorValues",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId",
                table: "IndicatorValues",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_OwnerId_Current_SchoolYear_Level",
                table: "IndicatorValues",
                columns: new[] { "OwnerId", "Current", "SchoolYear", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_SchoolId_Current",
                table: "IndicatorValues",
                columns: new[] { "SchoolId", "Current" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemBanks_OwnerId_Kind",
                table: "ItemBanks",
                columns: new[] { "OwnerId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemBankVersions_BankId_Number",
                table: "ItemBankVersions",
                columns: new[] { "BankId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Survey_OpenToken",
                table: "Survey",
                column: "OpenToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Survey_OwnerId_SchoolId_Status",
                table: "Survey",
                columns: new[] { "OwnerId", "SchoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Survey_SchoolId",
                table: "Survey",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAggregates_SurveyId_ItemId",
                table: "SurveyAggregates",
                columns: new[] { "SurveyId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId",
                table: "SurveyAnswers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_SurveyId_ItemId_Group_Value",
                table: "SurveyAnswers",
                columns: new[] { "SurveyId", "ItemId", "Group", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_SurveyId_AnsweredOn",
                table: "SurveyInvitations",
                columns: new[] { "SurveyId", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TokenHash",
                table: "SurveyInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItems_SurveyId_Order",
                table: "SurveyItems",
                columns: new[] { "SurveyId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_Group",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "Group" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorColumnMappings");

            migrationBuilder.DropTable(
                name: "IndicatorSyncs");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "ItemBankVersions");

            migrationBuilder.DropTable(
                name: "SurveyAggregates");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "SurveyItems");

            migrationBuilder.DropTable(
                name: "IndicatorImports");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "ItemBanks");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "Survey");

            migrationBuilder.DropColumn(
                name: "SurveyMinimumGroupSize",
                table: "Owners");
        }
    }
}
