using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stillas.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleByOwnerNameActive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_OwnerId_Active",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_OwnerId_Name",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerId_Name_Active",
                table: "People",
                columns: new[] { "OwnerId", "Name", "Active" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_OwnerId_Name_Active",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerId_Active",
                table: "People",
                columns: new[] { "OwnerId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerId_Name",
                table: "People",
                columns: new[] { "OwnerId", "Name" });
        }
    }
}
