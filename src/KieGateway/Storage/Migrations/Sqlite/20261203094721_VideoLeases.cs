using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KieGateway.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VideoLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeasedUntil",
                table: "videos",
                type: "INTEGER",
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
