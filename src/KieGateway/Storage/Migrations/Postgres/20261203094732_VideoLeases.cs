using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KieGateway.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VideoLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeasedUntil",
                table: "videos",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeasedUntil",
                table: "videos");
        }
    }
}
