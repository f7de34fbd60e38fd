using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stillas.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Selection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SelectionRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolYear = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgreementDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionRounds_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolYear = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReasonSource = table.Column<int>(type: "integer", nullable: false),
                    FirstTalkDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstTalkNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionCandidates_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionCandidates_SelectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelectionCandidates_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCandidates_OwnerId",
                table: "SelectionCandidates",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCandidates_RoundId_SchoolId",
                table: "SelectionCandidates",
                columns: new[] { "RoundId", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCandidates_SchoolId_SchoolYear",
                table: "SelectionCandidates",
                columns: new[] { "SchoolId", "SchoolYear" });

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCandidates_TeamId_SchoolYear",
                table: "SelectionCandidates",
                columns: new[] { "TeamId", "SchoolYear" });

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRounds_OwnerId_SchoolYear",
                table: "SelectionRounds",
                columns: new[] { "OwnerId", "SchoolYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SelectionCandidates");

            migrationBuilder.DropTable(
                name: "SelectionRounds");
        }
    }
}
