using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Stillas.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class National : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Fortunes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Message = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fortunes", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Fortunes",
                columns: new[] { "Id", "Message" },
                values: new object[,]
                {
                    { 1, "Setning 1: en veileder lærer av en lærer." },
                    { 2, "Setning 2: en fremtidsbilde lærer av en mellomarbeid." },
                    { 3, "Æ, ø og å: vurdering nr. 3 & co." },
                    { 4, "Setning 4: en mellomarbeid lærer av en SKUT." },
                    { 5, "Setning 5: en kommune lærer av en kommune." },
                    { 6, "Setning 6: en elev lærer av en fremtidsbilde." },
                    { 7, "Setning 7: en lærer lærer av en rektor." },
                    { 8, "Setning 8: en SKUT lærer av en elev." },
                    { 9, "Setning 9: en rektor lærer av en vurdering." },
                    { 10, "<script>alert(\"10\")</script> skal vises som tekst" },
                    { 11, "Setning 11: en veileder lærer av en lærer." },
                    { 12, "Setning 12: en fremtidsbilde lærer av en mellomarbeid." },
                    { 13, "Æ, ø og å: vurdering nr. 13 & co." },
                    { 14, "Setning 14: en mellomarbeid lærer av en SKUT." },
                    { 15, "Setning 15: en kommune lærer av en kommune." },
                    { 16, "Setning 16: en elev lærer av en fremtidsbilde." },
                    { 17, "Setning 17: en lærer lærer av en rektor." },
                    { 18, "Setning 18: en SKUT lærer av en elev." },
                    { 19, "Setning 19: en rektor lærer av en vurdering." },
                    { 20, "<script>alert(\"20\")</script> skal vises som tekst" },
                    { 21, "Setning 21: en veileder lærer av en lærer." },
                    { 22, "Setning 22: en fremtidsbilde lærer av en mellomarbeid." },
                    { 23, "Æ, ø og å: vurdering nr. 23 & co." },
                    { 24, "Setning 24: en mellomarbeid lærer av en SKUT." },
                    { 25, "Setning 25: en kommune lærer av en kommune." },
                    { 26, "Setning 26: en elev lærer av en fremtidsbilde." },
                    { 27, "Setning 27: en lærer lærer av en rektor." },
                    { 28, "Setning 28: en SKUT lærer av en elev." },
                    { 29, "Setning 29: en rektor lærer av en vurdering." },
                    { 30, "<script>alert(\"30\")</script> skal vises som tekst" },
                    { 31, "Setning 31: en veileder lærer av en lærer." },
                    { 32, "Setning 32: en fremtidsbilde lærer av en mellomarbeid." },
                    { 33, "Æ, ø og å: vurdering nr. 33 & co." },
                    { 34, "Setning 34: en mellomarbeid lærer av en SKUT." },
                    { 35, "Setning 35: en kommune lærer av en kommune." },
                    { 36, "Setning 36: en elev lærer av en fremtidsbilde." },
                    { 37, "Setning 37: en lærer lærer av en rektor." },
                    { 38, "Setning 38: en SKUT lærer av en elev." },
                    { 39, "Setning 39: en rektor lærer av en vurdering." },
                    { 40, "<script>alert(\"40\")</script> skal vises som tekst" },
                    { 41, "Setning 41: en veileder lærer av en lærer." },
                    { 42, "Setning 42: en fremtidsbilde lærer av en mellomarbeid." },
                    { 43, "Æ, ø og å: vurdering nr. 43 & co." },
                    { 44, "Setning 44: en mellomarbeid lærer av en SKUT." },
                    { 45, "Setning 45: en kommune lærer av en kommune." },
                    { 46, "Setning 46: en elev lærer av en fremtidsbilde." },
                    { 47, "Setning 47: en lærer lærer av en rektor." },
                    { 48, "Setning 48: en SKUT lærer av en elev." },
                    { 49, "Setning 49: en rektor lærer av en vurdering." },
                    { 50, "<script>alert(\"50\")</script> skal vises som tekst" },
                    { 51, "Setning 51: en veileder lærer av en lærer." },
                    { 52, "Setning 52: en fremtidsbilde lærer av en mellomarbeid." },
                    { 53, "Æ, ø og å: vurdering nr. 53 & co." },
                    { 54, "Setning 54: en mellomarbeid lærer av en SKUT." },
                    { 55, "Setning 55: en kommune lærer av en kommune." },
                    { 56, "Setning 56: en elev lærer av en fremtidsbilde." },
                    { 57, "Setning 57: en lærer lærer av en rektor." },
                    { 58, "Setning 58: en SKUT lærer av en elev." },
                    { 59, "Setning 59: en rektor lærer av en vurdering." },
                    { 60, "<script>alert(\"60\")</script> skal vises som tekst" },
                    { 61, "Setning 61: en veileder lærer av en lærer." },
                    { 62, "Setning 62: en fremtidsbilde lærer av en mellomarbeid." },
                    { 63, "Æ, ø og å: vurdering nr. 63 & co." },
                    { 64, "Setning 64: en mellomarbeid lærer av en SKUT." },
                    { 65, "Setning 65: en kommune lærer av en kommune." },
                    { 66, "Setning 66: en elev lærer av en fremtidsbilde." },
                    { 67, "Setning 67: en lærer lærer av en rektor." },
                    { 68, "Setning 68: en SKUT lærer av en elev." },
                    { 69, "Setning 69: en rektor lærer av en vurdering." },
                    { 70, "<script>alert(\"70\")</script> skal vises som tekst" },
                    { 71, "Setning 71: en veileder lærer av en lærer." },
                    { 72, "Setning 72: en fremtidsbilde lærer av en mellomarbeid." },
                    { 73, "Æ, ø og å: vurdering nr. 73 & co." },
                    { 74, "Setning 74: en mellomarbeid lærer av en SKUT." },
                    { 75, "Setning 75: en kommune lærer av en kommune." },
                    { 76, "Setning 76: en elev lærer av en fremtidsbilde." },
                    { 77, "Setning 77: en lærer lærer av en rektor." },
                    { 78, "Setning 78: en SKUT lærer av en elev." },
                    { 79, "Setning 79: en rektor lærer av en vurdering." },
                    { 80, "<script>alert(\"80\")</script> skal vises som tekst" },
                    { 81, "Setning 81: en veileder lærer av en lærer." },
                    { 82, "Setning 82: en fremtidsbilde lærer av en mellomarbeid." },
                    { 83, "Æ, ø og å: vurdering nr. 83 & co." },
                    { 84, "Setning 84: en mellomarbeid lærer av en SKUT." },
                    { 85, "Setning 85: en kommune lærer av en kommune." },
                    { 86, "Setning 86: en elev lærer av en fremtidsbilde." },
                    { 87, "Setning 87: en lærer lærer av en rektor." },
                    { 88, "Setning 88: en SKUT lærer av en elev." },
                    { 89, "Setning 89: en rektor lærer av en vurdering." },
                    { 90, "<script>alert(\"90\")</script> skal vises som tekst" },
                    { 91, "Setning 91: en veileder lærer av en lærer." },
                    { 92, "Setning 92: en fremtidsbilde lærer av en mellomarbeid." },
                    { 93, "Æ, ø og å: vurdering nr. 93 & co." },
                    { 94, "Setning 94: en mellomarbeid lærer av en SKUT." },
                    { 95, "Setning 95: en kommune lærer av en kommune." },
                    { 96, "Setning 96: en elev lærer av en fremtidsbilde." },
                    { 97, "Setning 97: en lærer lærer av en rektor." },
                    { 98, "Setning 98: en SKUT lærer av en elev." },
                    { 99, "Setning 99: en rektor lærer av en vurdering." },
                    { 100, "<script>alert(\"100\")</script> skal vises som tekst" }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Fortunes");
        }
    }
}
