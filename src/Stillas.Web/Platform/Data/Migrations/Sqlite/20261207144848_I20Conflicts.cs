using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stillas.Web.Platform.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConflictHandlings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Conflict = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Handling = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
