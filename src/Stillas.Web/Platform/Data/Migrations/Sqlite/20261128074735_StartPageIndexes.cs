using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stillas.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StartPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerId_Active",
                table: "People",
                columns: new[] { "OwnerId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_InterimWorkAgreements_ProgrammeId_FeedbackDeadline",
                table: "InterimWorkAgreements",
                columns: new[] { "ProgrammeId", "FeedbackDeadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_OwnerId_Active",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_InterimWorkAgreements_ProgrammeId_FeedbackDeadline",
                table: "InterimWorkAgreements");
        }
    }
}
