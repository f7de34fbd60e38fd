using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Stillas.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I21Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SchoolYear = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Numerator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Denominator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SeriesBreak = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ImportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValueCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SuppressedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolYears = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Area = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ScaleExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Interpretation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSyncs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FilterSignature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    SchoolYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 3, nullable: true),
                    Numerator = table.Column<int>(type: "INTEGER", nullable: true),
                    Denominator = table.Column<int>(type: "INTEGER", nullable: true),
                    SeriesBreak = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeriesBreakNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Current = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "IndicatorImports");

            migrationBuilder.DropTable(
                name: "Indicators");
        }
    }
}
