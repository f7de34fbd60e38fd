using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stillas.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I20Conflicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "Memberships",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConflictHandlings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Conflict = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Handling = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ByPersonId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictHandlings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictHandlings_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictHandlings_ProgrammeId_PersonId",
                table: "ConflictHandlings",
                columns: new[] { "ProgrammeId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictHandlings_TeamId",
                table: "ConflictHandlings",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConflictHandlings");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "Memberships");
        }
    }
}
