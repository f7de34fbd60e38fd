using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stillas.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgrammeSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "NextStepDate",
                table: "Programmes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextStepTitle",
                table: "Programmes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OverdueSteps",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PhaseKey",
                table: "Programmes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhaseName",
                table: "Programmes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhaseOrder",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SummaryDate",
                table: "Programmes",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NextStepDate",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "NextStepTitle",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "OverdueSteps",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "PhaseKey",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "PhaseName",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "PhaseOrder",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "SummaryDate",
                table: "Programmes");
        }
    }
}
