using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KieGateway.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KiePermits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kie_permits",
                columns: table => new
                {
                    Bucket = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    UsedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kie_permits", x => new { x.Bucket, x.Slot });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kie_permits");
        }
    }
}
