using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stillas.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UndeliveredMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FailedAt",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OwnerId",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_FailedAt_OwnerId",
                table: "Outbox",
                columns: new[] { "FailedAt", "OwnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_FailedAt_OwnerId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Outbox");
        }
    }
}
