using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KieGateway.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Credits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ChargedCredits",
                table: "videos",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EstimatedCredits",
                table: "videos",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChargedCredits",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "EstimatedCredits",
                table: "videos");
        }
    }
}
