using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stillas.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgrammeFromCandidacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CandidacyId",
                table: "Programmes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_CandidacyId",
                table: "Programmes",
                column: "CandidacyId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Programmes_SelectionCandidates_CandidacyId",
                table: "Programmes",
                column: "CandidacyId",
                principalTable: "SelectionCandidates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Programmes_SelectionCandidates_CandidacyId",
                table: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_Programmes_CandidacyId",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "CandidacyId",
                table: "Programmes");
        }
    }
}
